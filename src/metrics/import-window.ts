/** A row as the window gives it back: its account, owner, day and figures (null where blank). */
export interface WindowRow {
  accountId: number;
  staffId: number;
  dayNumber: number;
  figures: (number | null)[];
}

/** Figures are counts (0 or more): a blank one is held as this. */
const BLANK = -1;

/**
 * The accepted rows of an import between reading and writing, held in typed arrays (seven 32-bit
 * integers a row, nothing for the garbage collector to trace) and given back in (account, day)
 * order. Rows come in runs (a matched batch of the file), each sorted as it is added; `drain`
 * merges the runs a batch at a time, so no step sorts the whole window at once.
 *
 * Why: a file usually lists a day of every account, then the next day. Written in that order,
 * each batch touches the index page of nearly every account it names; in account order, a batch
 * holds many days of few accounts, and touches a few pages each.
 */
export class ImportWindow {
  private accounts = new Int32Array(0);
  private staff = new Int32Array(0);
  private days = new Int32Array(0);
  private values = new Int32Array(0);
  private length = 0;
  /** [start, end) of each sorted run. */
  private runs: [number, number][] = [];

  /**
   * `capacity`: rows held at most (the arrays grow to it as rows come); `width`: figures a row.
   */
  constructor(
    readonly capacity: number,
    private readonly width: number,
  ) {}

  get size(): number {
    return this.length;
  }

  /** Whether `rows` more rows would not fit. */
  wouldOverflow(rows: number): boolean {
    return this.length + rows > this.capacity;
  }

  /** Adds a run of rows, sorted by account then day (rows of the same account and day: none). */
  addRun(rows: readonly WindowRow[]): void {
    if (rows.length === 0) return;
    if (this.wouldOverflow(rows.length)) {
      throw new Error(`an import window holds ${this.capacity} rows`);
    }
    this.reserve(this.length + rows.length);
    const order = Array.from(rows.keys()).sort(
      (a, b) => rows[a].accountId - rows[b].accountId || rows[a].dayNumber - rows[b].dayNumber,
    );
    const start = this.length;
    const width = this.width;
    for (let i = 0; i < order.length; i++) {
      const row = rows[order[i]];
      const at = start + i;
      this.accounts[at] = row.accountId;
      this.staff[at] = row.staffId;
      this.days[at] = row.dayNumber;
      for (let f = 0; f < width; f++) this.values[at * width + f] = row.figures[f] ?? BLANK;
    }
    this.length += rows.length;
    this.runs.push([start, this.length]);
  }

  /**
   * Every row held, in (account, day) order, `batchRows` at a time; the window is empty once the
   * last batch is taken.
   */
  *drain(batchRows: number): Generator<WindowRow[]> {
    const runs = this.runs;
    const cursors = runs.map(([start]) => start);
    // a binary min-heap of runs, by the row at each one's cursor
    const heap = runs.map((_, run) => run);
    const before = (a: number, b: number) => {
      const x = cursors[a];
      const y = cursors[b];
      return (
        this.accounts[x] < this.accounts[y] ||
        (this.accounts[x] === this.accounts[y] && this.days[x] < this.days[y])
      );
    };
    const siftDown = (from: number) => {
      let at = from;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let least = at;
        if (left < heap.length && before(heap[left], heap[least])) least = left;
        if (right < heap.length && before(heap[right], heap[least])) least = right;
        if (least === at) return;
        [heap[at], heap[least]] = [heap[least], heap[at]];
        at = least;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
    const width = this.width;
    while (heap.length > 0) {
      const batch: WindowRow[] = [];
      while (batch.length < batchRows && heap.length > 0) {
        const run = heap[0];
        const at = cursors[run]++;
        const figures: (number | null)[] = new Array(width);
        for (let f = 0; f < width; f++) {
          const value = this.values[at * width + f];
          figures[f] = value === BLANK ? null : value;
        }
        batch.push({
          accountId: this.accounts[at],
          staffId: this.staff[at],
          dayNumber: this.days[at],
          figures,
        });
        if (cursors[run] === runs[run][1]) {
          heap[0] = heap[heap.length - 1];
          heap.pop();
        }
        if (heap.length > 0) siftDown(0);
      }
      yield batch;
    }
    this.length = 0;
    this.runs = [];
  }

  private reserve(rows: number): void {
    if (rows <= this.accounts.length) return;
    const size = Math.min(this.capacity, Math.max(rows, this.accounts.length * 2));
    const grow = (old: Int32Array, per: number) => {
      const next = new Int32Array(size * per);
      next.set(old.subarray(0, this.length * per));
      return next;
    };
    this.accounts = grow(this.accounts, 1);
    this.staff = grow(this.staff, 1);
    this.days = grow(this.days, 1);
    this.values = grow(this.values, this.width);
  }
}
