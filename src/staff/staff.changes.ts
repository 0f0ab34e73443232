import type { StaffMember } from './staff-member.entity';

/** A person's row was written: which of their fields, or every one for someone new. */
export interface StaffChange {
  staffId: number;
  fields: readonly (keyof StaffMember)[] | 'all';
}

declare module '../database/derived-state' {
  interface ChangeTopics {
    /** Touched by StaffService on every write of staff_members, in the writing transaction. */
    staff: StaffChange;
  }
}

/** The people whose change may alter a value derived from these fields (once each). */
export function staffIdsChanging(
  changes: readonly StaffChange[],
  fields: ReadonlySet<keyof StaffMember>,
): number[] {
  const ids = changes
    .filter((c) => c.fields === 'all' || c.fields.some((field) => fields.has(field)))
    .map((c) => c.staffId);
  return [...new Set(ids)];
}
