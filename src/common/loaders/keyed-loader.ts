import DataLoader from 'dataloader';

/** A DataLoader over one batch query by id, answering in key order (null when not found). */
export function keyedLoader<T extends { id: number }>(
  fetch: (ids: readonly number[]) => Promise<T[]>,
): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await fetch(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
