declare module '../database/derived-state' {
  interface ChangeTopics {
    /** A new version of guidance was published: for one organisation, or NHS-wide (null). */
    guidance: { organisationId: number | null };
  }
}

export {};
