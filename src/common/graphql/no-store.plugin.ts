import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Every GraphQL answer is personal (who may see whom is decided per person), so none may be kept
 * by a browser or a proxy: `Cache-Control: no-store`, always. Apollo's cache-control plugin would
 * say the same for a schema without cache hints, but it wraps every field's resolver to collect
 * hints this schema never gives, a cost paid on every field of every request; it is turned off.
 */
export function noStorePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            response.http.headers.set('cache-control', 'no-store');
          },
        };
      },
    },
  ];
}
