/**
 * The one rule for which guidance applies to a person, as SQL over their staff_members row:
 * their organisation's latest version, else the latest NHS-wide version (scope 0), else none.
 * The listing rule (listing.ts) and GuidanceService.currentFor both ask it.
 */
export function currentGuidanceIdSql(organisationIdExpression: string): string {
  return `COALESCE(
  (SELECT g.id FROM guidance_documents g
    WHERE g.scope_key = COALESCE(${organisationIdExpression}, 0) ORDER BY g.version DESC LIMIT 1),
  (SELECT g.id FROM guidance_documents g WHERE g.scope_key = 0 ORDER BY g.version DESC LIMIT 1))`;
}
