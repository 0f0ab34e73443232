import { Link } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';

/** Communications team tools; each admin capability adds its link here when it exists. */
export const ADMIN_TOOLS: { to: string; label: string; description: string }[] = [
  {
    to: '/admin/dashboard',
    label: 'Dashboard',
    description:
      'adoption by site, department and staff group, over time; campaign results, top advocates, and the advocates and directory downloads',
  },
  {
    to: '/admin/communities',
    label: 'Communities',
    description: 'create communities, change them, give members roles, archive and restore them',
  },
  {
    to: '/campaigns/new',
    label: 'Create a campaign',
    description: 'a social media week or a trust hashtag, with its dates and its own leaderboard',
  },
  {
    to: '/admin/imports',
    label: 'Import figures',
    description:
      'upload a CSV of staff accounts’ daily figures or a campaign’s activity, and read the report of every rejected row',
  },
  {
    to: '/admin/leaderboard-weights',
    label: 'Leaderboard weights',
    description: 'how many points each part of the advocacy score is worth',
  },
  {
    to: '/admin/leaders',
    label: 'Leaders',
    description: 'who is featured on the leaders page, and in what order',
  },
  {
    to: '/admin/organisations',
    label: 'Confirm organisations',
    description:
      'people who say they work for your organisation: confirm them, or refuse with a reason',
  },
  {
    to: '/admin/guidance',
    label: 'Social media guidance',
    description:
      'the guidance your staff accept before they are listed, and publishing a new version',
  },
  {
    to: '/admin/verification',
    label: 'Verification requests',
    description: 'verify or reject the accounts your staff ask you to verify',
  },
  {
    to: '/admin/reports',
    label: 'Reports of listings',
    description: 'wrong person, impersonation or abuse: dismiss, hide or remove, with a note',
  },
  {
    to: '/admin/official-accounts',
    label: 'Official accounts',
    description: 'your organisation’s own accounts, and reassigning a disputed handle',
  },
  {
    to: '/leaderboard/live',
    label: 'Live leaderboard',
    description:
      'the leaderboard in large type for the screen at a tweetup, updating as scores change',
  },
  {
    to: '/admin/audit-log',
    label: 'Audit log',
    description: 'every change your team and your organisation’s systems made: who, what and when',
  },
];

export function AdminPage() {
  usePageTitle('Communications team');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Communications team</h1>
        <p className="nhsuk-lede-text">
          Tools for your organisation’s communications team. What you change here, staff see at
          once.
        </p>
        <ul className="nhsuk-list">
          {ADMIN_TOOLS.map((tool) => (
            <li key={tool.to}>
              <Link to={tool.to}>{tool.label}</Link> – {tool.description}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
