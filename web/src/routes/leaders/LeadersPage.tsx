import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { FollowButton } from '../../components/FollowButton/FollowButton';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { StaffCard } from '../../components/StaffCard/StaffCard';
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
            jobTitle
            ...StaffCard_staff
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
      <h1>Leaders</h1>
      <p className="nhsuk-lede-text">
        Our leaders work out loud on social media. Follow them to hear what is happening and why.
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
            <Link to="/follow-packs/leaders">Follow all our leaders on each platform</Link>
          </p>
          <ul className="app-card-list">
            {data.leaders.edges.map(({ node: leader }) => (
              <li key={leader.person.id} className="app-card-list__item app-leader">
                <StaffCard staff={leader.person}>
                  {leader.title !== leader.person.jobTitle ? (
                    <p className="app-leader__title">{leader.title}</p>
                  ) : null}
                  {leader.statement ? (
                    <blockquote className="app-leader__statement">
                      <p className="app-bio">{leader.statement}</p>
                    </blockquote>
                  ) : null}
                  <div className="app-staff-card__actions">
                    <FollowButton staff={leader.person} />
                  </div>
                </StaffCard>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
