import { useMutation } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { QueryErrorSummary } from '../QueryErrorSummary/QueryErrorSummary';

export const JoinButton_community = graphql(`
  fragment JoinButton_community on Community {
    id
    slug
    name
    archived
    viewerMembership {
      role
    }
  }
`);

const JoinCommunityMutation = graphql(`
  mutation JoinCommunity($input: CommunityIdInput!) {
    joinCommunity(input: $input) {
      community {
        id
        memberCount
        viewerMembership {
          role
          joinedAt
        }
      }
    }
  }
`);

/** Join a community here; leaving asks first, on a page of its own. */
export function JoinButton({
  community: ref,
}: {
  community: FragmentType<typeof JoinButton_community>;
}) {
  const community = getFragmentData(JoinButton_community, ref);
  const [join, joinState] = useMutation(JoinCommunityMutation, {
    refetchQueries: ['CommunityPage', 'SuggestionsPanel'],
  });
  // after joining, focus moves to what replaced the Join button
  const leaveRef = useRef<HTMLAnchorElement>(null);
  const [justJoined, setJustJoined] = useState(false);
  useEffect(() => {
    if (justJoined && community.viewerMembership) {
      leaveRef.current?.focus();
      setJustJoined(false);
    }
  }, [justJoined, community.viewerMembership]);
  if (community.archived) return null;

  return (
    <div className="app-follow">
      {joinState.error ? <QueryErrorSummary error={joinState.error} /> : null}
      {community.viewerMembership ? (
        <>
          <span className="app-follow__status">
            <span aria-hidden="true">✓</span> Member
          </span>
          <Link ref={leaveRef} to={`/communities/${community.slug}/leave`}>
            Leave<span className="nhsuk-u-visually-hidden"> {community.name}</span>
          </Link>
        </>
      ) : (
        <Button
          type="button"
          small
          aria-disabled={joinState.loading || undefined}
          onClick={() => {
            if (joinState.loading) return;
            void join({ variables: { input: { communityId: community.id } } })
              .then(() => setJustJoined(true))
              .catch(() => undefined);
          }}
        >
          Join<span className="nhsuk-u-visually-hidden"> {community.name}</span>
        </Button>
      )}
    </div>
  );
}
