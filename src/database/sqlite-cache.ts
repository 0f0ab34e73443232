/**
 * Each SQLite connection's page cache (the writer's and every reader's), in KiB. The operating
 * system caches the file too, so a bigger one mostly duplicates it: 32 MiB instead of 64 took
 * ~47 MB off the metrics import's peak memory at 20,000 staff (docs/benchmarks.md, peak memory).
 * The bench's floors use it too, so they compare like with like.
 */
export const SQLITE_CACHE_KIB = 32_768;
