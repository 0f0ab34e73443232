/** Why a following, suggestion or follow pack request was refused (`extensions.reason`). */
export enum FollowErrorReason {
  /** Following, unfollowing or dismissing oneself. */
  SELF_NOT_ALLOWED = 'SELF_NOT_ALLOWED',
  /** A follow pack's source needs a community, a team or a source and none was given. */
  PACK_SOURCE_REQUIRED = 'PACK_SOURCE_REQUIRED',
  /** A TEAM pack without a department: the viewer has none on their profile. */
  NO_TEAM = 'NO_TEAM',
  /** More suggestions asked for than one page gives. */
  TOO_MANY_SUGGESTIONS = 'TOO_MANY_SUGGESTIONS',
}
