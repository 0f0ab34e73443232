/**
 * The line of a file each (account, day) was first read on, for a whole import: an open-addressing
 * hash table in one typed array (account, day, line side by side: one cache line a probe). A Map
 * keyed by a number built from the two held a million boxed keys for a million-row file and was
 * the import's costliest line of JavaScript; here an entry is three 32-bit integers, nothing for
 * the garbage collector to trace.
 */
export class AccountDayLines {
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  /** `capacity`: a power of two. */
  constructor(capacity = 1 << 12) {
    this.slots = new Int32Array(capacity * 3);
    this.mask = capacity - 1;
  }

  /**
   * Records `line` (1 or more) for (account, day) and answers 0, or answers the line already
   * recorded for it. Account ids are 1 or more (0 marks an empty slot).
   */
  claim(accountId: number, day: number, line: number): number {
    if (this.size * 2 >= this.mask) this.grow();
    const slots = this.slots;
    let slot = hash(accountId, day) & this.mask;
    for (;;) {
      const at = slot * 3;
      const held = slots[at];
      if (held === 0) {
        slots[at] = accountId;
        slots[at + 1] = day;
        slots[at + 2] = line;
        this.size += 1;
        return 0;
      }
      if (held === accountId && slots[at + 1] === day) return slots[at + 2];
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 3);
    this.mask = capacity - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] !== 0) this.claim(old[at], old[at + 1], old[at + 2]);
    }
  }
}

function hash(accountId: number, day: number): number {
  let h = Math.imul(accountId, 0x9e3779b1) ^ Math.imul(day, 0x85ebca77);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}
