import { useQuery } from '@apollo/client/react';
import { Tag } from 'nhsuk-react-components';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { graphql } from '../../gql';

const OrganisationOfficialAccountsQuery = graphql(`
  query OrganisationOfficialAccounts($organisationId: ID!) {
    officialAccounts(organisationId: $organisationId, first: 20) {
      edges {
        node {
          id
          platform
          handle
          url
          label
        }
      }
    }
  }
`);

/**
 * An organisation's own accounts, each marked official (registered by its communications team),
 * so nobody mistakes a look-alike for the real one. Nothing when it has none.
 */
export function OfficialAccounts({ organisation }: { organisation: { id: string; name: string } }) {
  const { data } = useQuery(OrganisationOfficialAccountsQuery, {
    variables: { organisationId: organisation.id },
  });
  const accounts = data?.officialAccounts.edges.map((e) => e.node) ?? [];
  if (accounts.length === 0) return null;
  return (
    <>
      <h2>Official accounts of {organisation.name}</h2>
      <ul className="nhsuk-list">
        {accounts.map((a) => (
          <li key={a.id}>
            <Tag modifier="blue">Official</Tag> {PLATFORM_LABELS[a.platform]}:{' '}
            <a href={a.url} rel="noopener noreferrer">
              {a.handle}
            </a>
            {a.label ? ` – ${a.label}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
