import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const MeIdQuery = graphql(`
  query MeId {
    me {
      id
    }
  }
`);

/** The signed-in person's id (from the cache after the first page), or null while loading. */
export function useMeId(): string | null {
  const { data } = useQuery(MeIdQuery, { fetchPolicy: 'cache-first' });
  return data?.me.id ?? null;
}
