import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { Avatar } from '../../components/Avatar/Avatar';
import { FollowButton } from '../../components/FollowButton/FollowButton';
import { LinkedText } from '../../components/LinkedText/LinkedText';
import { Loading } from '../../components/Loading/Loading';
import { PlatformLinks } from '../../components/PlatformLinks/PlatformLinks';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const LeadersPageQuery = graphql(`
  query LeadersPage {
    leaders(first: 100) {
      totalCount
      edges {
        node {
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
      }
    }
  }
`);

/** The "social CEO" page: leaders who work out loud, in the order the communications team set. */
export function LeadersPage() {
  usePageTitle('Leaders');
  const { data, error, refetch } = useQuery(LeadersPageQuery);

  return (
    <>
      <h1>Leaders who work out loud</h1>
      <p className="nhsuk-lede-text">
        Our leaders share what is happening, and why, on social media. Follow them here and on the
        platforms you use.
      </p>
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Loading leaders" />
      ) : data.leaders.edges.length === 0 ? (
        <p className="app-empty">No leaders are featured yet.</p>
      ) : (
        <>
          <p>
            <Link to="/follow-packs/leaders">Follow all our leaders on each platform at once</Link>
          </p>
          <ul className="app-leader-grid">
            {data.leaders.edges.map(({ node: leader }, index) => {
              const person = leader.person;
              return (
                <li
                  key={person.id}
                  className={`app-leader nhsuk-card${index === 0 ? ' app-leader--first' : ''}`}
                >
                  <div className="nhsuk-card__content app-leader__content">
                    <Avatar id={person.id} name={person.displayName} size="l" />
                    <div className="app-leader__body">
                      <h2 className="app-staff-card__name nhsuk-heading-m">
                        <Link to={`/people/${person.id}`} dir="auto">
                          {person.displayName}
                        </Link>
                        {person.pronouns ? (
                          <span className="app-staff-card__pronouns" dir="auto">
                            {' '}
                            ({person.pronouns})
                          </span>
                        ) : null}
                      </h2>
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
        </>
      )}
    </>
  );
}
