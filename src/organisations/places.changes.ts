declare module '../database/derived-state' {
  interface ChangeTopics {
    /** A site or department was renamed (touched by OrganisationsService.renamePlace). */
    places: { siteId: number } | { departmentId: number };
  }
}

export {};
