import { QueryRunner, TableColumnOptions } from 'typeorm';

// Shared by migrations: change only by adding, never by altering what a committed migration relies on.

export const isSqlite = (queryRunner: QueryRunner) =>
  queryRunner.connection.options.type === 'better-sqlite3';

export const idColumn = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

export const timestampColumn = (
  queryRunner: QueryRunner,
  name: string,
  options: { nullable?: boolean; defaultNow?: boolean } = {},
): TableColumnOptions => {
  const sqlite = isSqlite(queryRunner);
  return {
    name,
    type: sqlite ? 'datetime' : 'timestamp',
    isNullable: options.nullable ?? false,
    ...(options.defaultNow === false ? {} : { default: sqlite ? "(datetime('now'))" : 'now()' }),
  };
};

export const foreignKey = (
  columnName: string,
  referencedTableName: string,
  onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' = 'CASCADE',
) => ({ columnNames: [columnName], referencedTableName, referencedColumnNames: ['id'], onDelete });
