/** Why accepting or publishing guidance was refused (`extensions.reason`). */
export enum GuidanceErrorReason {
  /** There is no guidance that applies to this person. */
  NO_GUIDANCE_TO_ACCEPT = 'NO_GUIDANCE_TO_ACCEPT',
  /** The version accepted is not the current one (a newer one was published). */
  GUIDANCE_VERSION_NOT_CURRENT = 'GUIDANCE_VERSION_NOT_CURRENT',
  /** Organisation guidance from someone with no organisation. */
  NO_ORGANISATION = 'NO_ORGANISATION',
  /** NHS-wide guidance needs the app role Comms.NationalAdmin. */
  NATIONAL_GUIDANCE_NEEDS_NATIONAL_ADMIN = 'NATIONAL_GUIDANCE_NEEDS_NATIONAL_ADMIN',
  /** Another publication of the same guidance won the race: try again. */
  PUBLISHED_CONCURRENTLY = 'PUBLISHED_CONCURRENTLY',
}
