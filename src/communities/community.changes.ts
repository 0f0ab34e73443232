declare module '../database/derived-state' {
  interface ChangeTopics {
    /**
     * A person's part in a community changed: they left it or Comms.Admin set their role
     * (touched by CommunitiesService). Joining as a member touches nothing: no derived value
     * reads plain membership yet.
     */
    communities: { communityId: number; staffId: number };
  }
}

export {};
