import { useMutation } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { QueryErrorSummary } from '../QueryErrorSummary/QueryErrorSummary';

export const JoinButton_community = graphql(`
  fragment JoinButton_community on Community {
    id
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

const LeaveCommunityMutation = graphql(`
  mutation LeaveCommunity($input: CommunityIdInput!) {
    leaveCommunity(input: $input) {
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

/** Join or leave a community. */
export function JoinButton({
  community: ref,
}: {
  community: FragmentType<typeof JoinButton_community>;
}) {
  const community = getFragmentData(JoinButton_community, ref);
  const options = { refetchQueries: ['CommunityPage', 'SuggestionsPanel'] };
  const [join, joinState] = useMutation(JoinCommunityMutation, options);
  const [leave, leaveState] = useMutation(LeaveCommunityMutation, options);
  if (community.archived) return null;
  const busy = joinState.loading || leaveState.loading;
  const error = joinState.error ?? leaveState.error;
  const input = { communityId: community.id };
  return (
    <div className="app-follow">
      {error ? <QueryErrorSummary error={error} /> : null}
      {community.viewerMembership ? (
        <>
          <span className="app-follow__status">
            <span aria-hidden="true">✓</span> Member
          </span>
          <Button
            type="button"
            secondary
            small
            disabled={busy}
            onClick={() => void leave({ variables: { input } }).catch(() => undefined)}
          >
            Leave<span className="nhsuk-u-visually-hidden"> {community.name}</span>
          </Button>
        </>
      ) : (
        <Button
          type="button"
          small
          disabled={busy}
          onClick={() => void join({ variables: { input } }).catch(() => undefined)}
        >
          Join<span className="nhsuk-u-visually-hidden"> {community.name}</span>
        </Button>
      )}
    </div>
  );
}
