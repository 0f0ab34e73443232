interface WithMembers {
  community: { members: { edges: unknown[] } };
}

/** fetchMore's updateQuery for a community's members: the next page after those shown. */
export function appendMembers<Q extends WithMembers>(
  prev: Q,
  { fetchMoreResult }: { fetchMoreResult: Q },
): Q {
  return {
    ...fetchMoreResult,
    community: {
      ...fetchMoreResult.community,
      members: {
        ...fetchMoreResult.community.members,
        edges: [...prev.community.members.edges, ...fetchMoreResult.community.members.edges],
      },
    },
  };
}
