import { useQuery } from '@apollo/client/react';
import { SummaryList } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { usePageTitle } from '../../app/page/use-page-title';
import { STAFF_GROUP_LABELS } from '../../app/labels/labels';
import { AccountList } from '../../components/AccountList/AccountList';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';

const MyProfilePageQuery = graphql(`
  query MyProfilePage {
    me {
      id
      displayName
      jobTitle
      staffGroup
      pronouns
      bio
      organisation {
        id
        name
      }
      site {
        id
        name
      }
      department {
        id
        name
      }
      accounts {
        id
        ...AccountList_accounts
      }
    }
  }
`);

const notGiven = <span className="app-not-given">Not given</span>;

export function MyProfilePage() {
  const { data, error, refetch } = useQuery(MyProfilePageQuery);
  usePageTitle('My profile', !!error && !data);

  if (error && !data) {
    return (
      <>
        <h1>My profile</h1>
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) {
    return (
      <>
        <h1>My profile</h1>
        <Loading label="Loading your profile" />
      </>
    );
  }

  const { me } = data;
  const rows: [string, ReactNode][] = [
    ['Job title', me.jobTitle || notGiven],
    ['Organisation', me.organisation?.name ?? notGiven],
    ['Site', me.site?.name ?? notGiven],
    ['Department or team', me.department?.name ?? notGiven],
    ['Staff group', me.staffGroup ? STAFF_GROUP_LABELS[me.staffGroup] : notGiven],
    ['Pronouns', me.pronouns || notGiven],
    ['About me', me.bio ? <p className="app-bio">{me.bio}</p> : notGiven],
  ];

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>
          <span className="nhsuk-caption-l">
            My profile<span className="nhsuk-u-visually-hidden"> – </span>
          </span>
          {me.displayName}
        </h1>
        <SummaryList>
          {rows.map(([key, value]) => (
            <SummaryList.Row key={key}>
              <SummaryList.Key>{key}</SummaryList.Key>
              <SummaryList.Value>{value}</SummaryList.Value>
            </SummaryList.Row>
          ))}
        </SummaryList>
        <h2>My social media accounts</h2>
        <AccountList
          accounts={me.accounts}
          showVisibility
          emptyText="You have not added any social media accounts yet."
        />
      </div>
    </div>
  );
}
