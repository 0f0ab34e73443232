import { DataSource, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * The columns of an entity as `findOneBy` loads them (not the `select: false` ones), selected
 * under an alias prefix and hydrated by the driver's own conversions (dates, booleans,
 * transformers): a row becomes the same object TypeORM would give.
 */
export class EntityColumns<T> {
  private readonly columns: ColumnMetadata[];
  /** Each column's key in a row (`prefix` + its name), built once: a row is read by them. */
  private readonly keys: string[];
  private readonly idKey: string;
  private readonly create: () => T;
  readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
    private readonly prefix: string,
  ) {
    const metadata = dataSource.getMetadata(target);
    this.columns = metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
    this.keys = this.columns.map((column) => `${prefix}${column.databaseName}`);
    this.idKey = `${prefix}id`;
    this.create = () => metadata.create() as T;
    this.table = metadata.tableName;
  }

  select(alias: string): string {
    return this.columns
      .map((c) => `${alias}."${c.databaseName}" AS "${this.prefix}${c.databaseName}"`)
      .join(', ');
  }

  /** The entity in `row`, or null when its primary key is null (an outer join found none). */
  hydrate(row: Record<string, unknown>): T | null {
    if (row[this.idKey] === null || row[this.idKey] === undefined) return null;
    const entity = this.create();
    const driver = this.dataSource.driver;
    const { columns, keys } = this;
    for (let i = 0; i < columns.length; i++) {
      const raw = row[keys[i]];
      if (raw === undefined) continue;
      columns[i].setEntityValue(entity as object, driver.prepareHydratedValue(raw, columns[i]));
    }
    return entity;
  }
}
