declare module '../database/derived-state' {
  interface ChangeTopics {
    /**
     * Figures of these people's accounts were recorded (touched by MetricsService): one change
     * per write — an import touches everyone it changed once, after its last batch — never one
     * per row.
     */
    metrics: { staffIds: number[] };
  }
}

export {};
