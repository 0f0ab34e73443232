/**
 * SQLite runs every statement on the event loop, and some statements of a re-scoring grow with
 * the people it takes at once: a refresh's read of its chunk's entries (500 people's were one
 * 131 ms statement beside an import at load 2), the daily roll's COMMIT of what a chunk wrote.
 * Such a step is timed, and the next chunk takes as many people as would have kept it within
 * CHUNK_STEP_MS. One rule for every chunk sized this way (ChunkPeople).
 */
export const CHUNK_STEP_MS = 15;
/** The fewest and most people a chunk sized by time takes, and its first chunk. */
export const CHUNK_PEOPLE = { least: 25, most: 500, first: 100 };

/**
 * People in the next chunk, from a chunk of `size` that took `taken` people (fewer at the end of
 * the list) and whose timed step took `tookMs`: as many as would fit CHUNK_STEP_MS, at most
 * twice the last (only a full chunk says more would fit), within CHUNK_PEOPLE.
 */
export function nextChunkPeople(size: number, taken: number, tookMs: number): number {
  const fit = Math.floor((taken * CHUNK_STEP_MS) / Math.max(tookMs, 0.1));
  const grown = taken < size ? Math.min(size, fit) : Math.min(2 * size, fit);
  return Math.max(CHUNK_PEOPLE.least, Math.min(CHUNK_PEOPLE.most, grown));
}

/** A chunk size learned across chunks (nextChunkPeople): one for each kind of step timed. */
export class ChunkPeople {
  /** People in the next chunk. */
  size = CHUNK_PEOPLE.first;

  /** A chunk of `taken` people (of `size`) is done; its timed step held the loop `tookMs`. */
  took(taken: number, tookMs: number): void {
    this.size = nextChunkPeople(this.size, taken, tookMs);
  }
}
