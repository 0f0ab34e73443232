import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { Avatar } from '../../components/Avatar/Avatar';
import { FollowButton } from '../../components/FollowButton/FollowButton';
import { LinkedText } from '../../components/LinkedText/LinkedText';
import { Loading } from '../../components/Loading/Loading';
import { PlatformLinks } from '../../components/PlatformLinks/PlatformLinks';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { type FragmentType, getFragmentData, graphql } from '../../gql';

const LeaderFields = graphql(`
  fragment LeadersPage_leader on Leader {
    title
    statement
    featuredOrder
    person {
      id
      displayName
      jobTitle
      pronouns
      organisation {
        id
        name
      }
      accounts {
        id
        ...PlatformLinks_accounts
      }
      ...FollowButton_staff
    }
  }
`);

const LeadersPageQuery = graphql(`
  query LeadersPage {
    me {
      id
      organisation {
        id
        name
      }
    }
    leaders(first: 100) {
      totalCount
      edges {
        node {
          ...LeadersPage_leader
        }
      }
    }
  }
`);

const OrganisationLeadersQuery = graphql(`
  query OrganisationLeaders($organisationId: ID!) {
    leaders(first: 100, organisationId: $organisationId) {
      edges {
        node {
          ...LeadersPage_leader
        }
      }
    }
  }
`);

/** The "social CEO" page: leaders who work out loud, in the order the communications team set. */
export function LeadersPage() {
  usePageTitle('Leaders');
  const { data, error, refetch } = useQuery(LeadersPageQuery);
  const organisation = data?.me.organisation ?? null;
  const ours = useQuery(OrganisationLeadersQuery, {
    variables: { organisationId: organisation?.id ?? '' },
    skip: !organisation,
  });
  const national = data?.leaders.edges.map((e) => e.node) ?? [];
  const local = ours.data?.leaders.edges.map((e) => e.node) ?? [];

  return (
    <>
      <h1>Leaders who work out loud</h1>
      <p className="nhsuk-lede-text">
        Our leaders share what is happening, and why, on social media. Follow them here and on the
        platforms you use.
      </p>
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data || (organisation && ours.loading) ? (
        <Loading label="Loading leaders" />
      ) : national.length === 0 && local.length === 0 ? (
        <p className="app-empty">No leaders are featured yet.</p>
      ) : (
        <>
          <p>
            <Link to="/follow-packs/leaders">Follow all our leaders on each platform at once</Link>
          </p>
          {national.length > 0 ? (
            <section aria-labelledby="leaders-national">
              <h2 id="leaders-national">Across the NHS</h2>
              <LeaderGrid leaders={national} />
            </section>
          ) : null}
          {organisation && local.length > 0 ? (
            <section aria-labelledby="leaders-organisation">
              <h2 id="leaders-organisation" dir="auto">
                At {organisation.name}
              </h2>
              <LeaderGrid leaders={local} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

function LeaderGrid({ leaders }: { leaders: FragmentType<typeof LeaderFields>[] }) {
  return (
    <ul className="app-leader-grid">
      {leaders.map((masked, index) => {
        const leader = getFragmentData(LeaderFields, masked);
        const person = leader.person;
        return (
          <li
            key={person.id}
            className={`app-leader nhsuk-card${index === 0 ? ' app-leader--first' : ''}`}
          >
            <div className="nhsuk-card__content app-leader__content">
              <Avatar id={person.id} name={person.displayName} size="l" />
              <div className="app-leader__body">
                <h3 className="app-staff-card__name nhsuk-heading-m">
                  <Link to={`/people/${person.id}`} dir="auto">
                    {person.displayName}
                  </Link>
                  {person.pronouns ? (
                    <span className="app-staff-card__pronouns" dir="auto">
                      {' '}
                      ({person.pronouns})
                    </span>
                  ) : null}
                </h3>
                <p className="app-leader__title" dir="auto">
                  {leader.title}
                </p>
                {person.jobTitle && person.jobTitle !== leader.title ? (
                  <p className="app-staff-card__job" dir="auto">
                    {person.jobTitle}
                  </p>
                ) : null}
                {person.organisation ? (
                  <p className="app-staff-card__where">{person.organisation.name}</p>
                ) : null}
                {leader.statement ? (
                  <blockquote className="app-leader__statement">
                    <LinkedText text={leader.statement} />
                  </blockquote>
                ) : null}
                <PlatformLinks accounts={person.accounts} />
                <div className="app-staff-card__actions">
                  <FollowButton staff={person} />
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
