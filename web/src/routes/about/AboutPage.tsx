import { Link } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';

export function AboutPage() {
  usePageTitle('About Staff Voices');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>About Staff Voices</h1>
        <p className="nhsuk-lede-text">
          We trust our staff with patients’ lives – why wouldn’t we trust them with social media?
        </p>
        <p>
          Staff Voices is the directory of NHS staff social media accounts. It started with one
          trust’s social media week: a one-page guide for staff, social media surgeries, a
          #NHSTweetup, and a chief executive who works out loud online.
        </p>
        <h2>What you can do</h2>
        <ul>
          <li>list your professional and personal accounts, and choose who can see each one</li>
          <li>find colleagues by name, job title, handle or team, and follow them</li>
          <li>join communities such as #hellomynameis, WeNurses and WeDocs</li>
          <li>follow your organisation’s leaders, here and on each platform, all at once</li>
        </ul>
        <h2>Who runs it</h2>
        <p>
          Your organisation’s communications team looks after the communities, the leaders page and
          the social media guidance you accept before you are listed. Your IT service desk looks
          after signing in.
        </p>
        <h2>Coming next</h2>
        <p>
          A leaderboard of advocates, verified accounts, campaigns such as a social media week, and
          downloading or erasing everything held about you are being built.
        </p>
        <p>
          Read the <Link to="/privacy">privacy notice</Link> and the{' '}
          <Link to="/accessibility">accessibility statement</Link>.
        </p>
      </div>
    </div>
  );
}
