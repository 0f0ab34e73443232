import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, InsetText, SummaryList, Tag } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import { PLATFORM_LABELS, VERIFICATION_LABELS } from '../../../app/labels/labels';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';
import { NotFoundPage } from '../../not-found/NotFoundPage';

const MyVerificationQuery = graphql(`
  query MyVerification {
    me {
      id
      organisation {
        id
        name
      }
      accounts {
        id
        platform
        handle
        url
        verificationStatus
        verificationRequest {
          id
          status
          reason
          proofCode
          profileLink
          proofMethod
          proofCheckedAt
        }
      }
    }
  }
`);

const RequestVerificationMutation = graphql(`
  mutation RequestVerification($input: RequestVerificationInput!) {
    requestVerification(input: $input) {
      account {
        id
        verificationStatus
      }
      request {
        id
        status
        reason
        proofCode
        profileLink
        proofMethod
        proofCheckedAt
      }
    }
  }
`);

const CheckProofMutation = graphql(`
  mutation CheckVerificationProof($input: CheckVerificationProofInput!) {
    checkVerificationProof(input: $input) {
      request {
        id
        status
        proofMethod
        proofCheckedAt
      }
    }
  }
`);

const PROOF_LABELS = {
  BIO_CODE: 'The code was found on your profile page',
  REL_ME: 'Your Mastodon profile links back to Staff Voices',
};

/** Ask the communications team to verify one of my accounts, and prove it is mine. */
export function VerifyAccountPage() {
  const { id } = useParams();
  const { data, error, refetch } = useQuery(MyVerificationQuery);
  const refetchQueries = ['MyVerification', 'MyProfilePage', 'MyAccounts'];
  const [request, requestState] = useMutation(RequestVerificationMutation, { refetchQueries });
  const [checkProof, proofState] = useMutation(CheckProofMutation, { refetchQueries });
  const account = data?.me.accounts.find((a) => a.id === id);
  const label = account ? PLATFORM_LABELS[account.platform] : '';
  usePageTitle(
    account ? `Verify your ${label} account` : 'Verify an account',
    !!requestState.error || !!proofState.error,
  );

  if (error && !data) return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading label="Loading your account" />;
  if (!account) return <NotFoundPage />;
  const pending =
    account.verificationRequest?.status === 'PENDING' ? account.verificationRequest : null;
  const last = account.verificationRequest;
  const organisation = data.me.organisation?.name ?? 'your organisation';

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/me">
          Back to your profile
        </BackLink>
        {requestState.error ? <QueryErrorSummary error={requestState.error} /> : null}
        {proofState.error ? <QueryErrorSummary error={proofState.error} /> : null}
        <h1>Verify your {label} account</h1>
        <SummaryList>
          <SummaryList.Row>
            <SummaryList.Key>Account</SummaryList.Key>
            <SummaryList.Value>
              <a href={account.url} rel="noopener noreferrer" className="app-break-anywhere">
                {account.handle}
              </a>
            </SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Status</SummaryList.Key>
            <SummaryList.Value>
              <Tag
                modifier={
                  account.verificationStatus === 'VERIFIED'
                    ? 'green'
                    : account.verificationStatus === 'REJECTED'
                      ? 'red'
                      : 'grey'
                }
              >
                {VERIFICATION_LABELS[account.verificationStatus]}
              </Tag>
            </SummaryList.Value>
          </SummaryList.Row>
          {account.verificationStatus === 'REJECTED' && last?.reason ? (
            <SummaryList.Row>
              <SummaryList.Key>Why it was rejected</SummaryList.Key>
              <SummaryList.Value dir="auto">{last.reason}</SummaryList.Value>
            </SummaryList.Row>
          ) : null}
        </SummaryList>

        {account.verificationStatus === 'VERIFIED' ? (
          <p>
            The communications team of {organisation} has verified this account. Anyone can check it
            on the <Link to="/official-accounts">check an account</Link> page.
          </p>
        ) : pending ? (
          <>
            <p>
              The communications team of {organisation} will look at your request. You can help them
              by showing the account is yours.
            </p>
            <h2>Show that the account is yours (optional)</h2>
            <p>Add this code to the account’s bio, save it, then check:</p>
            <InsetText>
              <p>
                <code className="app-proof-code">{pending.proofCode}</code>
              </p>
            </InsetText>
            {account.platform === 'MASTODON' && pending.profileLink ? (
              <p>
                Or add this link to your Mastodon profile’s extra fields:{' '}
                <code className="app-break-anywhere">{pending.profileLink}</code>
              </p>
            ) : null}
            {pending.proofMethod ? (
              <p>
                <Tag modifier="green">{PROOF_LABELS[pending.proofMethod]}</Tag>
              </p>
            ) : null}
            <Button
              type="button"
              secondary
              aria-disabled={proofState.loading || undefined}
              onClick={() =>
                void checkProof({ variables: { input: { accountId: account.id } } }).catch(
                  () => undefined,
                )
              }
            >
              Check my profile page
            </Button>
          </>
        ) : (
          <>
            <p>
              Verified accounts show a tick in the directory, and the public check confirms to
              anyone that the account belongs to a member of NHS staff.
            </p>
            <Button
              type="button"
              aria-disabled={requestState.loading || undefined}
              onClick={() =>
                void request({ variables: { input: { accountId: account.id } } }).catch(
                  () => undefined,
                )
              }
            >
              {account.verificationStatus === 'REJECTED' ? 'Ask again' : 'Ask for verification'}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
