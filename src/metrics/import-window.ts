/** A kind's figures: counts by column name (null: left blank). */
export type ImportFigures = Record<string, number | null>;

/** A row matched to its account, as a kind writes it: its figures beside its key. */
export type ImportRow<V extends ImportFigures> = {
  accountId: number;
  staffId: number;
  day: string;
} & V;

/** Figures are counts (0 or more): a blank one is held as this. */
const BLANK = -1;

/**
 * The accepted rows of an import between reading and writing, held in typed arrays (3 + one per
 * figure 32-bit integers a row, nothing for the garbage collector to trace) and given back in
 * (account, day) order. Rows come in runs (a matched batch of the file), each sorted as it ends;
 * `drain` merges the runs a batch at a time, so no step sorts the whole window at once.
 *
 * Why: a file usually lists a day of every account, then the next day. Written in that order,
 * each batch touches the index page of nearly every account it names; in account order, a batch
 * holds many days of few accounts, and touches a few pages each.
 */
export class ImportWindow<V extends ImportFigures> {
  private accounts = new Int32Array(0);
  private staff = new Int32Array(0);
  private days = new Int32Array(0);
  private values = new Int32Array(0);
  private length = 0;
  /** [start, end) of each sorted run; the rows after the last one's end are the open run. */
  private runs: [number, number][] = [];

  /** `capacity`: rows held at most (the arrays grow to it as rows come). */
  constructor(
    readonly capacity: number,
    private readonly figures: readonly (keyof V & string)[],
  ) {}

  get size(): number {
    return this.length;
  }

  /** Whether `rows` more rows would not fit. */
  wouldOverflow(rows: number): boolean {
    return this.length + rows > this.capacity;
  }

  /** Adds a row to the open run (one row per account and day in a window). */
  add(accountId: number, staffId: number, dayNumber: number, values: V): void {
    if (this.wouldOverflow(1)) throw new Error(`an import window holds ${this.capacity} rows`);
    this.reserve(this.length + 1);
    const at = this.length++;
    this.accounts[at] = accountId;
    this.staff[at] = staffId;
    this.days[at] = dayNumber;
    const width = this.figures.length;
    for (let f = 0; f < width; f++) this.values[at * width + f] = values[this.figures[f]] ?? BLANK;
  }

  /** Ends the open run: sorts it by account, then day. */
  endRun(): void {
    const start = this.runs.length > 0 ? this.runs[this.runs.length - 1][1] : 0;
    const end = this.length;
    if (end === start) return;
    const order = new Uint32Array(end - start);
    for (let i = 0; i < order.length; i++) order[i] = start + i;
    const { accounts, days } = this;
    order.sort((a, b) => accounts[a] - accounts[b] || days[a] - days[b]);
    const width = this.figures.length;
    const permute = (column: Int32Array, per: number) => {
      const copy = column.slice(start * per, end * per);
      for (let i = 0; i < order.length; i++) {
        const from = (order[i] - start) * per;
        const to = (start + i) * per;
        for (let f = 0; f < per; f++) column[to + f] = copy[from + f];
      }
    };
    permute(this.accounts, 1);
    permute(this.staff, 1);
    permute(this.days, 1);
    permute(this.values, width);
    this.runs.push([start, end]);
  }

  /**
   * Every row held, in (account, day) order, `batchRows` at a time (the open run ended first);
   * the window is empty once the last batch is taken.
   */
  *drain(batchRows: number, dayText: (dayNumber: number) => string): Generator<ImportBatch<V>> {
    this.endRun();
    const runs = this.runs;
    const cursors = runs.map(([start]) => start);
    const { accounts, days, staff, values, figures } = this;
    // a binary min-heap of runs, by the row at each one's cursor
    const heap = runs.map((_, run) => run);
    const before = (a: number, b: number) => {
      const x = cursors[a];
      const y = cursors[b];
      return accounts[x] < accounts[y] || (accounts[x] === accounts[y] && days[x] < days[y]);
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
    const width = figures.length;
    let left = this.length;
    while (heap.length > 0) {
      const rows = Math.min(batchRows, left);
      left -= rows;
      const keys = new Int32Array(rows * 3);
      const figureValues = new Int32Array(rows * width);
      for (let taken = 0; taken < rows; taken++) {
        const run = heap[0];
        const at = cursors[run]++;
        keys[taken * 3] = accounts[at];
        keys[taken * 3 + 1] = staff[at];
        keys[taken * 3 + 2] = days[at];
        for (let f = 0; f < width; f++) figureValues[taken * width + f] = values[at * width + f];
        if (cursors[run] === runs[run][1]) {
          heap[0] = heap[heap.length - 1];
          heap.pop();
        }
        if (heap.length > 0) siftDown(0);
      }
      yield new ImportBatch<V>(keys, figureValues, figures, dayText);
    }
    this.length = 0;
    this.runs = [];
  }

  private reserve(rows: number): void {
    if (rows <= this.accounts.length) return;
    const size = Math.min(this.capacity, Math.max(rows, 1024, this.accounts.length * 2));
    const grow = (old: Int32Array, per: number) => {
      const next = new Int32Array(size * per);
      next.set(old.subarray(0, this.length * per));
      return next;
    };
    this.accounts = grow(this.accounts, 1);
    this.staff = grow(this.staff, 1);
    this.days = grow(this.days, 1);
    this.values = grow(this.values, this.figures.length);
  }
}

/**
 * A batch of a window's rows, still in typed arrays: its rows become objects a chunk at a time,
 * as a kind writes them, so a batch's transaction (many turns of the event loop) does not keep
 * tens of thousands of objects alive long enough for V8 to move them to its old space, where
 * they would pile up as garbage until a full collection (the import's peak memory). Each call of
 * `chunks` reads the batch again (a transaction run again writes the same rows).
 */
export class ImportBatch<V extends ImportFigures> {
  constructor(
    private readonly keys: Int32Array,
    private readonly values: Int32Array,
    private readonly figures: readonly (keyof V & string)[],
    private readonly dayText: (dayNumber: number) => string,
  ) {}

  get length(): number {
    return this.keys.length / 3;
  }

  /** The batch's rows in order, `size` at a time. */
  *chunks(size: number): Generator<ImportRow<V>[]> {
    const { keys, values, figures, dayText } = this;
    const width = figures.length;
    for (let start = 0; start < this.length; start += size) {
      const end = Math.min(this.length, start + size);
      const chunk: ImportRow<V>[] = [];
      for (let at = start; at < end; at++) {
        const row: Record<string, number | string | null> = {
          accountId: keys[at * 3],
          staffId: keys[at * 3 + 1],
          day: dayText(keys[at * 3 + 2]),
        };
        for (let f = 0; f < width; f++) {
          const value = values[at * width + f];
          row[figures[f]] = value === BLANK ? null : value;
        }
        chunk.push(row as ImportRow<V>);
      }
      yield chunk;
    }
  }
}
