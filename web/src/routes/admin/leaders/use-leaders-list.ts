import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

const LeadersListScopeQuery = graphql(`
  query LeadersListScope {
    me {
      id
      isNationalAdmin
      organisation {
        id
        name
      }
    }
  }
`);

export interface LeadersList {
  /** The organisation whose list it is; null: the national list. */
  organisationId: string | null;
  /** "the national leaders list" or "<organisation>'s leaders list". */
  name: string;
}

/**
 * Which leaders list this admin curates: a national admin the national list, an organisation's
 * communications team their own organisation's (the server decides again on every change).
 */
export function useLeadersList(): {
  list: LeadersList | null;
  error?: Error;
  refetch: () => void;
} {
  const { data, error, refetch } = useQuery(LeadersListScopeQuery);
  if (!data) return { list: null, error, refetch: () => void refetch() };
  const { isNationalAdmin, organisation } = data.me;
  const list =
    isNationalAdmin || !organisation
      ? { organisationId: null, name: 'the national leaders list' }
      : { organisationId: organisation.id, name: `${organisation.name}’s leaders list` };
  return { list, refetch: () => void refetch() };
}
