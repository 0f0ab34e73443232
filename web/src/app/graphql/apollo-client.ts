import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import type { AuthSession } from '../auth/auth-session';

/** True when the server refused the caller's identity (missing, expired or revoked token). */
export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}

export function createApolloClient(session: AuthSession): ApolloClient {
  const auth = new SetContextLink(async (prev) => {
    const token = await session.getToken();
    return token
      ? { headers: { ...prev.headers, Authorization: `Bearer ${token}` } }
      : { headers: prev.headers };
  });

  // The server no longer accepts our token: forget it; guarded pages then send the person to sign in.
  const expire = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) session.expire();
  });

  const http = new HttpLink({
    uri: '/graphql',
    headers: { Accept: 'application/graphql-response+json, application/json' },
  });

  // subscriptions (the live leaderboard) over graphql-ws on the same path, the bearer token in
  // connectionParams; the socket opens only while something is subscribed, asking for the token
  // each time it (re)connects
  const ws = new GraphQLWsLink(
    createClient({
      url: () => {
        const { protocol, host } = window.location;
        return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
      },
      connectionParams: async () => {
        const token = await session.getToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: Infinity,
      shouldRetry: () => true,
    }),
  );
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return (
      definition.kind === 'OperationDefinition' &&
      definition.operation === OperationTypeNode.SUBSCRIPTION
    );
  };

  return new ApolloClient({
    link: ApolloLink.split(isSubscription, ws, ApolloLink.from([expire, auth, http])),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
