/** Why a leaders request was refused (`extensions.reason`). */
export enum LeaderErrorReason {
  /** A reorder named someone who is not a leader. */
  NOT_A_LEADER = 'NOT_A_LEADER',
}
