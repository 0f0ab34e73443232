import { BackLink, Button, WarningCallout } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuthSession } from '../../app/auth/auth-context';
import { downloadWithToken } from '../../app/auth/download-with-token';
import { usePageTitle } from '../../app/page/use-page-title';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';

/** "My data": a copy of everything held about me, and the way to erase it. */
export function MyDataPage() {
  const session = useAuthSession();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloaded, setDownloaded] = useState(false);
  usePageTitle('Your data', !!downloadError);

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadWithToken(session, '/api/me/export', 'staff-voices-my-data.json');
      setDownloaded(true);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/me">
          Back to your profile
        </BackLink>
        {downloadError ? <QueryErrorSummary error={downloadError} /> : null}
        <h1>Your data</h1>
        <p>
          Staff Voices holds your profile, your social media accounts, who you follow and who
          follows you, your communities, the guidance you accepted and anything your organisation
          sent when it set up your account.
        </p>

        <h2>Download a copy</h2>
        <p>
          You get one file (JSON) with everything we hold about you. Keep it safe: it has your work
          email address in it.
        </p>
        <Button type="button" secondary disabled={downloading} onClick={() => void download()}>
          Download your data
        </Button>
        {downloaded ? (
          <p role="status" className="app-status app-status--done">
            Your data has been downloaded.
          </p>
        ) : null}

        <h2>Erase your data</h2>
        <WarningCallout>
          <WarningCallout.Heading>This cannot be undone</WarningCallout.Heading>
          <p>
            Erasing removes your profile, your accounts, your follows and your community memberships
            from Staff Voices for good. Colleagues will no longer find you. Your accounts stay on
            each social media platform.
          </p>
        </WarningCallout>
        <p>
          <Link to="/me/data/erase">Erase your data</Link>
        </p>
      </div>
    </div>
  );
}
