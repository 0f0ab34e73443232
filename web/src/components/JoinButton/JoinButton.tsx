import { useMutation } from '@apollo/client/react';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { ToggleButton } from '../ToggleButton/ToggleButton';

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
  const input = { communityId: community.id };
  return (
    <ToggleButton
      on={!!community.viewerMembership}
      onStatus="Member"
      turnOnLabel="Join"
      turnOffLabel="Leave"
      subject={community.name}
      busy={joinState.loading || leaveState.loading}
      error={joinState.error ?? leaveState.error}
      turnOn={() => join({ variables: { input } })}
      turnOff={() => leave({ variables: { input } })}
    />
  );
}
