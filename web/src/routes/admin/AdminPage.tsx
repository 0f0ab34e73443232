import { usePageTitle } from '../../app/page/use-page-title';

/** Communications team tools; each admin capability adds its link here. */
export const ADMIN_TOOLS: { to: string; label: string; description: string }[] = [
  {
    to: '/admin/communities',
    label: 'Communities',
    description: 'create communities, archive and restore them',
  },
  {
    to: '/admin/leaders',
    label: 'Leaders',
    description: 'who is featured on the leaders page, and in what order',
  },
];

export function AdminPage() {
  usePageTitle('Communications team');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Communications team</h1>
        <p className="nhsuk-lede-text">
          Tools for the communications team: verification, communities, campaigns and exports.
        </p>
        {ADMIN_TOOLS.length === 0 ? (
          <p className="app-empty">There are no communications team tools in this version yet.</p>
        ) : (
          <ul className="nhsuk-list">
            {ADMIN_TOOLS.map((tool) => (
              <li key={tool.to}>
                <a href={tool.to}>{tool.label}</a> – {tool.description}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
