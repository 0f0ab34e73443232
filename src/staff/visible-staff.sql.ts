/**
 * The SQL condition for "a person others may see": active and listed (accepted the current
 * guidance). Use it wherever another feature lists people (followers, members, suggestions),
 * with the staff_members alias of the query: `${visibleStaffSql('s')}`.
 * StaffService.getVisible applies the same rule to one person.
 */
export function visibleStaffSql(alias = 'staff_members'): string {
  return `(${alias}.active = true AND ${alias}.listed = true)`;
}
