/** Why a leaders request was refused (`extensions.reason`). */
export enum LeaderErrorReason {
  /** A reorder named someone who is not a leader (of that list). */
  NOT_A_LEADER = 'NOT_A_LEADER',
  /** The national leaders list needs the app role Comms.NationalAdmin. */
  NATIONAL_LEADERS_NEED_NATIONAL_ADMIN = 'NATIONAL_LEADERS_NEED_NATIONAL_ADMIN',
  /** An organisation's leaders list is curated by its own (confirmed) communications team. */
  NOT_YOUR_ORGANISATIONS_LEADERS = 'NOT_YOUR_ORGANISATIONS_LEADERS',
  /** The person is a leader on another list: remove them from it first. */
  LEADER_ON_ANOTHER_LIST = 'LEADER_ON_ANOTHER_LIST',
  /** An organisation's leaders list features only that organisation's (confirmed) staff. */
  LEADER_NOT_IN_ORGANISATION = 'LEADER_NOT_IN_ORGANISATION',
}
