import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkboxes, InsetText } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { missingMessage } from '../../app/errors/error-messages';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const GuidancePageQuery = graphql(`
  query GuidancePage {
    guidance {
      accepted
      acceptedAt
      current {
        id
        version
        title
        summary
        url
        publishedAt
        nhsWide
      }
      regulatorGuidance {
        regulator
        regulatorName
        title
        url
        appliesTo
      }
    }
  }
`);

const AcceptGuidanceMutation = graphql(`
  mutation AcceptGuidance($input: AcceptGuidanceInput!) {
    acceptGuidance(input: $input) {
      guidance {
        accepted
        acceptedAt
      }
      staffMember {
        id
        listed
        guidanceAccepted
      }
    }
  }
`);

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/** Read your organisation's social media guidance (and your regulator's) and accept it. */
export function GuidancePage() {
  const { data, error, refetch } = useQuery(GuidancePageQuery);
  // the banner on every page (AppLayout) goes once accepted
  const [accept, { loading: accepting, error: acceptError }] = useMutation(AcceptGuidanceMutation, {
    refetchQueries: ['AppLayout'],
    awaitRefetchQueries: true,
  });
  const [confirmed, setConfirmed] = useState(false);
  const [missingConfirmation, setMissingConfirmation] = useState(false);
  const navigate = useNavigate();
  usePageTitle('Social media guidance', (!!error && !data) || missingConfirmation);

  if (error && !data) {
    return (
      <>
        <h1>Social media guidance</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) return <Loading label="Loading the guidance" />;
  const { guidance } = data;
  const current = guidance.current;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    if (!confirmed) {
      setMissingConfirmation(true);
      return;
    }
    setMissingConfirmation(false);
    try {
      await accept({ variables: { input: { version: current.version } } });
      navigate('/me', {
        state: { flash: 'Thank you. Colleagues can now find you in the directory.' },
      });
    } catch {
      // shown in the error summary
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {missingConfirmation ? (
          <QueryErrorSummary
            problems={[{ message: missingMessage('confirmed'), field: 'confirmed' }]}
          />
        ) : null}
        {acceptError ? <QueryErrorSummary error={acceptError} /> : null}
        <h1>Social media guidance</h1>
        {!current ? (
          <p>
            Your organisation has not published social media guidance yet, so there is nothing to
            accept. You are listed in the directory.
          </p>
        ) : (
          <>
            <p className="nhsuk-lede-text">
              Before colleagues can find you in the directory, read{' '}
              {current.nhsWide ? 'the NHS-wide' : 'your organisation’s'} guidance for staff using
              social media and confirm you will follow it.
            </p>
            <div className="app-guidance">
              <h2 dir="auto">{current.title}</h2>
              <p className="app-guidance__meta">
                Version {current.version}, published{' '}
                {dateFormat.format(new Date(current.publishedAt))}
              </p>
              <p className="app-bio" dir="auto">
                {current.summary}
              </p>
              <p>
                <a href={current.url} rel="noopener noreferrer">
                  Read the full guidance: {current.title}
                </a>
              </p>
            </div>
            {guidance.regulatorGuidance.length > 0 ? (
              <>
                <h2>Your regulator’s guidance</h2>
                <p>Your professional regulator also publishes guidance on social media.</p>
                <ul>
                  {guidance.regulatorGuidance.map((r) => (
                    <li key={r.regulator}>
                      <a href={r.url} rel="noopener noreferrer">
                        {r.title}
                      </a>{' '}
                      – {r.regulatorName}, for {r.appliesTo.charAt(0).toLowerCase()}
                      {r.appliesTo.slice(1)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {guidance.accepted ? (
              <InsetText>
                <p>
                  You accepted this version
                  {guidance.acceptedAt
                    ? ` on ${dateFormat.format(new Date(guidance.acceptedAt))}`
                    : ''}
                  . Colleagues can find you in the directory.
                </p>
              </InsetText>
            ) : (
              <form onSubmit={(e) => void submit(e)} noValidate>
                <Checkboxes
                  id="confirm"
                  name="confirm"
                  error={missingConfirmation ? missingMessage('confirmed') : undefined}
                >
                  <Checkboxes.Item
                    id="confirmed"
                    value="yes"
                    checked={confirmed}
                    onChange={(e) => setConfirmed(e.currentTarget.checked)}
                  >
                    I have read the guidance and will follow it
                  </Checkboxes.Item>
                </Checkboxes>
                <Button type="submit" disabled={accepting}>
                  Accept and join the directory
                </Button>
              </form>
            )}
          </>
        )}
      </div>
    </div>
  );
}
