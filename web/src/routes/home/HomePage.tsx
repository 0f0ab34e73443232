import { Button } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useSignedIn } from '../../app/auth/auth-context';
import { usePageTitle } from '../../app/page/use-page-title';
import { SuggestionsPanel } from '../../components/SuggestionsPanel/SuggestionsPanel';

export function HomePage() {
  usePageTitle('Find and follow NHS colleagues on social media');
  const signedIn = useSignedIn();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Staff Voices</h1>
        <p className="nhsuk-lede-text">
          We trust our staff with patients’ lives – why wouldn’t we trust them with social media?
        </p>
        <p>Staff Voices is the NHS directory of staff social media accounts. Use it to:</p>
        <ul>
          <li>list your professional and personal accounts, and choose who can see each one</li>
          <li>find colleagues by name, job, team or community, and follow them</li>
          <li>join communities such as #hellomynameis, WeNurses and WeDocs</li>
          <li>follow your organisation’s leaders and official accounts</li>
        </ul>
        {signedIn ? (
          <>
            <h2>Get started</h2>
            <ul>
              <li>
                <Link to="/directory">Find colleagues in the staff directory</Link>
              </li>
              <li>
                <Link to="/communities">Join communities</Link> and follow{' '}
                <Link to="/leaders">our leaders</Link>
              </li>
              <li>
                <Link to="/me">See and update your profile and accounts</Link>
              </li>
            </ul>
            <SuggestionsPanel />
          </>
        ) : (
          <>
            <h2>Sign in to get started</h2>
            <p>Use your work Microsoft account, the one you use for NHS email.</p>
            <Button href="/sign-in">Sign in</Button>
          </>
        )}
      </div>
    </div>
  );
}
