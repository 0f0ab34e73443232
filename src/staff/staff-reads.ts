import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EntityColumns } from '../database/entity-columns';
import { inListMarks } from '../database/portable-sql';
import { readBounded } from '../database/sqlite-read-connection';
import { Department } from '../organisations/department.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Site } from '../organisations/site.entity';
import { StaffMember } from './staff-member.entity';

/** One statement, written once for this database: its text and the order of its parameters. */
interface Prepared {
  sql: string;
  parameters: string[];
}

/** A person's profile with the places it names, read in one statement. */
export interface ProfileRow {
  person: StaffMember;
  organisation: Organisation | null;
  site: Site | null;
  department: Department | null;
}

/**
 * The reads of a person every request makes (who is asking, and the profile asked for), as SQL
 * written once at start instead of built by TypeORM's query builder on each request, which cost
 * more than the statement itself; the profile brings its organisation, site and department in
 * the same statement (primary-key joins), so they cost no further round trip.
 */
@Injectable()
export class StaffReads {
  private readonly staff: EntityColumns<StaffMember>;
  private readonly organisation: EntityColumns<Organisation>;
  private readonly site: EntityColumns<Site>;
  private readonly department: EntityColumns<Department>;
  private readonly byIdentitySql: Prepared;
  private readonly byIdSql: Prepared;
  private readonly byIdsHead: string;
  private readonly profileSql: Prepared;
  private readonly profilesHead: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.staff = new EntityColumns(dataSource, StaffMember, 's_');
    this.organisation = new EntityColumns(dataSource, Organisation, 'o_');
    this.site = new EntityColumns(dataSource, Site, 'p_');
    this.department = new EntityColumns(dataSource, Department, 'd_');
    this.byIdentitySql = this.prepare(
      `SELECT ${this.staff.select('s')} FROM "${this.staff.table}" s
       WHERE s."tenant_id" = :tenantId AND s."object_id" = :objectId`,
      ['tenantId', 'objectId'],
    );
    this.byIdSql = this.prepare(
      `SELECT ${this.staff.select('s')} FROM "${this.staff.table}" s WHERE s."id" = :id`,
      ['id'],
    );
    this.byIdsHead = `SELECT ${this.staff.select('s')} FROM "${this.staff.table}" s WHERE s."id" IN`;
    this.profileSql = this.prepare(
      `SELECT ${this.staff.select('s')}, ${this.organisation.select('o')},
              ${this.site.select('p')}, ${this.department.select('d')}
       FROM "${this.staff.table}" s
       LEFT JOIN "${this.organisation.table}" o ON o."id" = s."organisation_id"
       LEFT JOIN "${this.site.table}" p ON p."id" = s."site_id"
       LEFT JOIN "${this.department.table}" d ON d."id" = s."department_id"
       WHERE s."id" = :id`,
      ['id'],
    );
    this.profilesHead = `SELECT ${this.staff.select('s')}, ${this.organisation.select('o')},
              ${this.site.select('p')}, ${this.department.select('d')}
       FROM "${this.staff.table}" s
       LEFT JOIN "${this.organisation.table}" o ON o."id" = s."organisation_id"
       LEFT JOIN "${this.site.table}" p ON p."id" = s."site_id"
       LEFT JOIN "${this.department.table}" d ON d."id" = s."department_id"
       WHERE s."id" IN`;
  }

  /** The person signed in with this identity (tenant id and object id), if any. */
  async byIdentity(tenantId: string, objectId: string): Promise<StaffMember | null> {
    const [row] = await this.rows(this.byIdentitySql, { tenantId, objectId });
    return row ? this.staff.hydrate(row) : null;
  }

  /** The person alone, for a check that needs no places (who is followed, joined, featured). */
  async byId(id: number): Promise<StaffMember | null> {
    const [row] = await this.rows(this.byIdSql, { id });
    return row ? this.staff.hydrate(row) : null;
  }

  /** These people (those that exist, in no particular order): a page's, a loader's batch. */
  async byIds(ids: readonly number[]): Promise<StaffMember[]> {
    if (ids.length === 0) return [];
    const marks = inListMarks(this.dataSource, ids.length);
    const rows = (await readBounded(this.dataSource, `${this.byIdsHead} (${marks})`, [
      ...ids,
    ])) as Record<string, unknown>[];
    return rows.map((row) => this.staff.hydrate(row)!);
  }

  async profile(id: number): Promise<ProfileRow | null> {
    const [row] = await this.rows(this.profileSql, { id });
    return row ? this.profileOf(row) : null;
  }

  /**
   * These people's profiles (those that exist, in no particular order) in one statement: a page
   * of people whose cards name their places costs one read, not one more batch per place.
   * Bounded (readBounded): primary keys, as many as a page holds, joined by primary key.
   */
  async profiles(ids: readonly number[]): Promise<ProfileRow[]> {
    if (ids.length === 0) return [];
    const marks = inListMarks(this.dataSource, ids.length);
    const rows = (await readBounded(this.dataSource, `${this.profilesHead} (${marks})`, [
      ...ids,
    ])) as Record<string, unknown>[];
    return rows.map((row) => this.profileOf(row));
  }

  private profileOf(row: Record<string, unknown>): ProfileRow {
    return {
      person: this.staff.hydrate(row)!,
      organisation: this.organisation.hydrate(row),
      site: this.site.hydrate(row),
      department: this.department.hydrate(row),
    };
  }

  private prepare(sql: string, names: string[]): Prepared {
    // strings, which the driver turns into placeholders (a number it would write inline)
    const sample = Object.fromEntries(names.map((name, i) => [name, `\u0000${i}`]));
    const [text, ordered] = this.dataSource.driver.escapeQueryWithParameters(sql, sample);
    return {
      sql: text,
      parameters: (ordered as string[]).map((value) => names[Number(value.slice(1))]),
    };
  }

  private async rows(
    prepared: Prepared,
    values: Record<string, unknown>,
  ): Promise<Record<string, unknown>[]> {
    return (await readBounded(
      this.dataSource,
      prepared.sql,
      prepared.parameters.map((name) => values[name]),
    )) as Record<string, unknown>[];
  }
}
