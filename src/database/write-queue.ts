/**
 * How long queued transactions may run one after another before the next waits for a turn of
 * the event loop. better-sqlite3 never waits, so without a turn every transaction queued behind
 * the writer runs in the same task: twenty follows' COMMITs held the loop 537 ms in one bench
 * run, and no request's answer or /health got out meanwhile (docs/benchmarks.md).
 */
export const WRITE_TURN_BUDGET_MS = 15;

/**
 * SQLite's queue for its one write connection (TransactionRunner): one transaction at a time,
 * first come first served. The next waiter starts in the same task as the last one ended (a
 * promise continuation, no cost) until the queue has held the loop WRITE_TURN_BUDGET_MS since
 * its last turn; then it starts after one (setImmediate), so sockets, timers and other requests
 * get in between.
 */
export class WriteQueue {
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  /** When queued work began to run in this task; null once the loop has had a turn since. */
  private heldSince: number | null = null;

  constructor(private readonly budgetMs = WRITE_TURN_BUDGET_MS) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy = true;
    this.holding();
    try {
      return await work();
    } finally {
      this.handOver();
    }
  }

  private holding(): void {
    if (this.heldSince !== null) return;
    this.heldSince = performance.now();
    // runs at the loop's next check phase, after what the poll phase had ready: a turn
    setImmediate(() => (this.heldSince = null));
  }

  private handOver(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.busy = false;
      return;
    }
    // busy stays true: no newcomer overtakes the waiter while it waits for its turn
    if (this.heldSince !== null && performance.now() - this.heldSince >= this.budgetMs) {
      setImmediate(next);
    } else next();
  }
}
