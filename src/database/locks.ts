import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Locks for check-then-write rules (a limit counted before an insert, an order renumbered from
 * what was read). On PostgreSQL, at READ COMMITTED, two transactions would both read the state
 * before either wrote; the lock makes the second wait until the first commits, so its read
 * sees the first's write. On SQLite every transaction already runs alone (TransactionRunner's
 * queue), so these do nothing. Take them first thing in the transaction, before the read they
 * protect; they are held until commit or rollback.
 */

/**
 * Locks the owning row of what the rule counts (the person, for their accounts): `SELECT … FOR
 * UPDATE` of the entity's row by `id`. A lock, not a write: any feature may take it.
 */
export async function lockOwnerRow(
  tx: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  id: number,
): Promise<void> {
  if (tx.connection.options.type !== 'postgres') return;
  const { tablePath } = tx.connection.getMetadata(entity);
  await tx.query(`SELECT 1 FROM "${tablePath}" WHERE id = $1 FOR UPDATE`, [id]);
}

/**
 * Locks something that has no row of its own (a list as a whole, when rows are added to it
 * and renumbered): a transaction-scoped advisory lock on a name, `leaders` or `leaders:42`.
 */
export async function lockName(tx: EntityManager, name: string): Promise<void> {
  if (tx.connection.options.type !== 'postgres') return;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
}
