/** Why a directory request was refused (`extensions.reason`). */
export enum DirectoryErrorReason {
  /** A directory export for an organisation the team does not administer (or none). */
  EXPORT_NOT_YOUR_ORGANISATION = 'EXPORT_NOT_YOUR_ORGANISATION',
}
