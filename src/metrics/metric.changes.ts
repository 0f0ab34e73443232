declare module '../database/derived-state' {
  interface ChangeTopics {
    /**
     * Figures of these people's accounts were recorded (touched by MetricsService): one change
     * per write batch — an import batch of thousands of rows touches once — never one per row.
     */
    metrics: { staffIds: number[] };
  }
}

export {};
