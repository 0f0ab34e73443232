import { graphql } from '../../../gql';

/** One community as the communications team edits it. */
export const AdminCommunityQuery = graphql(`
  query AdminCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      kind
      scope
      hashtag
      description
      archived
      organisation {
        id
        name
      }
      links {
        label
        url
      }
    }
    me {
      id
      organisation {
        id
        name
      }
    }
  }
`);
