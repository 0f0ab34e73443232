import { useMutation, useQuery } from '@apollo/client/react';
import {
  BackLink,
  Button,
  CharacterCount,
  NotificationBanner,
  SummaryList,
  TextInput,
  WarningCallout,
} from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  fieldErrorsFrom,
  HTTPS_LINK_MESSAGE,
  textProblem,
} from '../../../app/errors/error-messages';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';

const AdminGuidancePageQuery = graphql(`
  query AdminGuidancePage {
    me {
      id
      organisation {
        id
        name
      }
    }
    guidance {
      current {
        id
        version
        title
        summary
        url
        publishedAt
        nhsWide
      }
    }
  }
`);

const PublishGuidanceMutation = graphql(`
  mutation PublishGuidance($input: PublishGuidanceInput!) {
    publishGuidance(input: $input) {
      document {
        id
        version
      }
    }
  }
`);

type Draft = {
  title: string;
  summary: string;
  url: string;
  whatChanged: string;
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });
const HTTPS_LINK = /^https:\/\/[^\s/]+\.[^\s]+$/;

function draftProblems(draft: Draft): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of ['title', 'summary'] as const) {
    const problem = textProblem(field, draft[field]);
    if (problem) problems[field] = problem;
  }
  if (!HTTPS_LINK.test(draft.url)) problems.url = HTTPS_LINK_MESSAGE;
  return problems;
}

/**
 * Communications team: the organisation's current social media guidance, and publishing a new
 * version of it (after saying what that does to everyone's listing).
 */
export function AdminGuidancePage() {
  const { data, error, refetch } = useQuery(AdminGuidancePageQuery);
  const [publish, publishState] = useMutation(PublishGuidanceMutation, {
    refetchQueries: ['AdminGuidancePage', 'GuidancePage', 'MyProfilePage', 'HomePage'],
    awaitRefetchQueries: true,
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [published, setPublished] = useState<number | null>(null);
  const serverProblems = fieldErrorsFrom(publishState.error, draft ?? undefined);
  const shownProblems = { ...serverProblems, ...problems };
  const hasProblems = Object.keys(shownProblems).length > 0;

  const organisation = data?.me.organisation ?? null;
  const current = data?.guidance.current ?? null;
  // NHS-wide guidance shown to someone whose organisation has none of its own yet
  const ours = current && current.nhsWide === !organisation ? current : null;
  const nextVersion = (ours?.version ?? 0) + 1;
  usePageTitle(
    confirming ? `Publish version ${nextVersion}?` : 'Social media guidance',
    (!!error && !data) || hasProblems || (!!publishState.error && confirming),
  );

  if (error && !data) return <QueryErrorSummary error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading label="Loading the guidance" />;
  const who = organisation
    ? `Everyone in ${organisation.name}`
    : 'Everyone without an organisation';

  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Draft = {
      title: String(form.get('title') ?? '').trim(),
      summary: String(form.get('summary') ?? '').trim(),
      url: String(form.get('url') ?? '').trim(),
      whatChanged: String(form.get('whatChanged') ?? '').trim(),
    };
    setDraft(next);
    const found = draftProblems(next);
    setProblems(found);
    if (Object.keys(found).length === 0) {
      setPublished(null);
      setConfirming(true);
    }
  };

  const confirm = () => {
    if (!draft || publishState.loading) return;
    void publish({ variables: { input: { ...draft, nhsWide: !organisation } } })
      .then(({ data: result }) => {
        setPublished(result?.publishGuidance.document.version ?? nextVersion);
        setConfirming(false);
        setDraft(null);
      })
      .catch(() => undefined);
  };

  if (confirming && draft) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <BackLink
            asElement="button"
            type="button"
            onClick={() => setConfirming(false)}
            className="app-back-button"
          >
            Back
          </BackLink>
          {publishState.error ? (
            <QueryErrorSummary error={publishState.error} values={{ ...draft }} />
          ) : null}
          <h1>Publish version {nextVersion}?</h1>
          <SummaryList>
            <SummaryList.Row>
              <SummaryList.Key>Title</SummaryList.Key>
              <SummaryList.Value dir="auto">{draft.title}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Summary</SummaryList.Key>
              <SummaryList.Value>
                <p className="app-bio" dir="auto">
                  {draft.summary}
                </p>
              </SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Link</SummaryList.Key>
              <SummaryList.Value className="app-break-anywhere">{draft.url}</SummaryList.Value>
            </SummaryList.Row>
          </SummaryList>
          <WarningCallout>
            <WarningCallout.Heading>Everyone is asked again</WarningCallout.Heading>
            <p>
              {who} will be asked to accept it again. Until they do, colleagues cannot find them in
              the directory.
            </p>
          </WarningCallout>
          <div className="app-button-group">
            <Button
              type="button"
              warning
              aria-disabled={publishState.loading || undefined}
              onClick={confirm}
            >
              Yes, publish version {nextVersion}
            </Button>
            <Link to="/admin/guidance" onClick={() => setConfirming(false)}>
              No, change it
            </Link>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin">
          Communications team
        </BackLink>
        {published ? (
          <NotificationBanner success>
            <NotificationBanner.Heading>
              Version {published} has been published
            </NotificationBanner.Heading>
            <p>{who} is being asked to accept it.</p>
          </NotificationBanner>
        ) : null}
        {hasProblems ? (
          <QueryErrorSummary
            problems={Object.entries(shownProblems).map(([field, message]) => ({ field, message }))}
          />
        ) : null}
        <h1>Social media guidance</h1>
        <h2>Now in use</h2>
        {ours ? (
          <div className="app-guidance">
            <h3 dir="auto">{ours.title}</h3>
            <p className="app-guidance__meta">
              Version {ours.version}, published {dateFormat.format(new Date(ours.publishedAt))}
            </p>
            <p className="app-bio" dir="auto">
              {ours.summary}
            </p>
            <p>
              <a href={ours.url} rel="noopener noreferrer" className="app-break-anywhere">
                {ours.url}
              </a>
            </p>
          </div>
        ) : (
          <p>
            {organisation
              ? `${organisation.name} has not published its own guidance yet${current ? ', so its staff are asked to accept the NHS-wide guidance' : ''}.`
              : 'No NHS-wide guidance has been published yet.'}
          </p>
        )}
        <h2>Publish version {nextVersion}</h2>
        <form onSubmit={check} noValidate>
          <TextInput
            id="title"
            name="title"
            label="Title"
            defaultValue={draft?.title ?? ''}
            error={shownProblems.title}
            dir="auto"
          />
          <CharacterCount
            id="summary"
            name="summary"
            label="Summary"
            hint="What staff must know, in a few lines. They read it before they accept."
            defaultValue={draft?.summary ?? ''}
            error={shownProblems.summary}
            maxLength={2000}
            rows={5}
            dir="auto"
          />
          <TextInput
            id="url"
            name="url"
            type="url"
            label="Link to the full guidance"
            hint="Where it is published, such as your intranet. It starts with https://"
            defaultValue={draft?.url ?? ''}
            error={shownProblems.url}
            spellCheck={false}
          />
          <CharacterCount
            id="whatChanged"
            name="whatChanged"
            label="What changed (optional)"
            hint="Shown to everyone asked to accept it again, on every page until they do."
            defaultValue={draft?.whatChanged ?? ''}
            maxLength={2000}
            rows={3}
            dir="auto"
          />
          <Button type="submit">Continue</Button>
        </form>
        {organisation && ours ? <NotAcceptedList /> : null}
      </div>
    </div>
  );
}

const NotAcceptedQuery = graphql(`
  query GuidanceNotAccepted($first: Int!) {
    guidanceNotAccepted(first: $first) {
      totalCount
      guidance {
        version
        graceEndsAt
      }
      edges {
        node {
          id
          displayName
          jobTitle
        }
      }
    }
  }
`);

/** Who in the organisation has not (re-)accepted the guidance now in use. */
function NotAcceptedList() {
  const { data } = useQuery(NotAcceptedQuery, {
    variables: { first: 100 },
    fetchPolicy: 'network-only',
  });
  const list = data?.guidanceNotAccepted;
  if (!list) return null;
  const grace = list.guidance?.graceEndsAt ? new Date(list.guidance.graceEndsAt) : null;
  return (
    <section aria-labelledby="not-accepted-heading">
      <h2 id="not-accepted-heading">Not yet accepted</h2>
      <p data-testid="not-accepted-count">
        {list.totalCount === 0
          ? 'Everyone has accepted the guidance now in use.'
          : `${list.totalCount.toLocaleString('en-GB')} ${list.totalCount === 1 ? 'person has' : 'people have'} not accepted version ${list.guidance?.version ?? ''}.`}{' '}
        {grace && grace > new Date()
          ? `They stay listed in the directory until ${dateFormat.format(grace)}.`
          : list.totalCount > 0
            ? 'They are not listed in the directory until they accept it.'
            : ''}
      </p>
      {list.edges.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {list.edges.map(({ node }) => (
            <li key={node.id} dir="auto">
              {node.displayName}
              {node.jobTitle ? `, ${node.jobTitle}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {list.totalCount > list.edges.length ? (
        <p>Showing the first {list.edges.length.toLocaleString('en-GB')}, by name.</p>
      ) : null}
    </section>
  );
}
