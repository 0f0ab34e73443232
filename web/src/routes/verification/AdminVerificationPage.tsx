import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, NotificationBanner, Tag, Textarea } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsFrom } from '../../app/errors/error-messages';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const VerificationQueueQuery = graphql(`
  query VerificationQueue($after: String) {
    verificationQueue(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          createdAt
          proofMethod
          account {
            id
            platform
            handle
            url
          }
          person {
            id
            displayName
            jobTitle
          }
        }
      }
    }
  }
`);

const VerifyMutation = graphql(`
  mutation VerifySocialAccount($input: VerifySocialAccountInput!) {
    verifySocialAccount(input: $input) {
      account {
        id
        verificationStatus
      }
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectSocialAccount($input: RejectSocialAccountInput!) {
    rejectSocialAccount(input: $input) {
      account {
        id
        verificationStatus
      }
    }
  }
`);

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const PROOF = { BIO_CODE: 'Code found in bio', REL_ME: 'Mastodon link back' };

/** Communications team: verification requests from the organisation's staff, oldest first. */
export function AdminVerificationPage() {
  const [after, setAfter] = useState<string | null>(null);
  const { data, error, refetch } = useQuery(VerificationQueueQuery, { variables: { after } });
  const options = { refetchQueries: ['VerificationQueue'], awaitRefetchQueries: true };
  const [verify, verifyState] = useMutation(VerifyMutation, options);
  const [reject, rejectState] = useMutation(RejectMutation, options);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const rejectErrors = fieldErrorsFrom(rejectState.error);
  usePageTitle('Verification requests', !!verifyState.error || !!rejectState.error);

  if (error && !data) return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading label="Loading verification requests" />;
  const queue = data.verificationQueue;

  const submitReject =
    (accountId: string, handle: string) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
      void reject({ variables: { input: { accountId, reason } } })
        .then(() => {
          setRejecting(null);
          setDone(`${handle} was rejected. They can read your reason.`);
        })
        .catch(() => undefined);
    };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <BackLink asElement={Link} to="/admin">
          Back to communications team
        </BackLink>
        {verifyState.error ? <QueryErrorSummary error={verifyState.error} /> : null}
        {rejectState.error ? <QueryErrorSummary error={rejectState.error} /> : null}
        <h1>Verification requests</h1>
        {done ? (
          <NotificationBanner success>
            <NotificationBanner.Heading>{done}</NotificationBanner.Heading>
          </NotificationBanner>
        ) : null}
        <p>
          {queue.totalCount === 0
            ? 'No requests are waiting.'
            : `${queue.totalCount} ${queue.totalCount === 1 ? 'request is' : 'requests are'} waiting. Check the account is the person’s before you verify it.`}
        </p>
        <ul className="nhsuk-list app-queue">
          {queue.edges.map(({ node }) =>
            node.account && node.person ? (
              <li key={node.id} className="nhsuk-card">
                <div className="nhsuk-card__content">
                  <h2 className="nhsuk-card__heading nhsuk-heading-s">
                    <Link to={`/people/${node.person.id}`}>{node.person.displayName}</Link>
                    {node.person.jobTitle ? `, ${node.person.jobTitle}` : ''}
                  </h2>
                  <p>
                    {PLATFORM_LABELS[node.account.platform]}:{' '}
                    <a href={node.account.url} rel="noopener noreferrer">
                      {node.account.handle}
                    </a>{' '}
                    · asked {dateFormat.format(new Date(node.createdAt))}{' '}
                    {node.proofMethod ? (
                      <Tag modifier="green">{PROOF[node.proofMethod]}</Tag>
                    ) : (
                      <Tag modifier="grey">No proof yet</Tag>
                    )}
                  </p>
                  {rejecting === node.account.id ? (
                    <form onSubmit={submitReject(node.account.id, node.account.handle)} noValidate>
                      <Textarea
                        id="reason"
                        name="reason"
                        label={`Why are you rejecting ${node.account.handle}?`}
                        hint="They will read this, so say what they can do about it"
                        rows={3}
                        error={rejectErrors.reason}
                      />
                      <div className="app-button-group">
                        <Button
                          type="submit"
                          warning
                          aria-disabled={rejectState.loading || undefined}
                        >
                          Reject
                        </Button>
                        <Button type="button" secondary onClick={() => setRejecting(null)}>
                          Cancel
                        </Button>
                      </div>
                    </form>
                  ) : (
                    <div className="app-button-group">
                      <Button
                        type="button"
                        aria-disabled={verifyState.loading || undefined}
                        onClick={() => {
                          const handle = node.account!.handle;
                          void verify({ variables: { input: { accountId: node.account!.id } } })
                            .then(() => setDone(`${handle} is verified`))
                            .catch(() => undefined);
                        }}
                      >
                        Verify
                        <span className="nhsuk-u-visually-hidden"> {node.account.handle}</span>
                      </Button>
                      <Button
                        type="button"
                        secondary
                        onClick={() => setRejecting(node.account!.id)}
                      >
                        Reject
                        <span className="nhsuk-u-visually-hidden"> {node.account.handle}</span>
                      </Button>
                    </div>
                  )}
                </div>
              </li>
            ) : null,
          )}
        </ul>
        {queue.pageInfo.hasNextPage ? (
          <Button
            type="button"
            secondary
            onClick={() => setAfter(queue.pageInfo.endCursor ?? null)}
          >
            Next requests
          </Button>
        ) : null}
      </div>
    </div>
  );
}
