/** Why a privacy request was refused (`extensions.reason`). */
export enum PrivacyErrorReason {
  /** `eraseMyData` needs `confirm: "ERASE"`, exactly. */
  ERASE_NOT_CONFIRMED = 'ERASE_NOT_CONFIRMED',
}
