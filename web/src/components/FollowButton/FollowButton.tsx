import { useMutation } from '@apollo/client/react';
import { useMeId } from '../../app/auth/use-me-id';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { ToggleButton } from '../ToggleButton/ToggleButton';

export const FollowButton_staff = graphql(`
  fragment FollowButton_staff on StaffMember {
    id
    displayName
    viewerFollows
  }
`);

const FollowMutation = graphql(`
  mutation Follow($input: StaffIdInput!) {
    follow(input: $input) {
      followee {
        id
        viewerFollows
        followerCount
      }
      follower {
        id
        followingCount
      }
    }
  }
`);

const UnfollowMutation = graphql(`
  mutation Unfollow($input: StaffIdInput!) {
    unfollow(input: $input) {
      followee {
        id
        viewerFollows
        followerCount
      }
      follower {
        id
        followingCount
      }
    }
  }
`);

/** Follow or unfollow a colleague in the directory; nothing for yourself. */
export function FollowButton({ staff: ref }: { staff: FragmentType<typeof FollowButton_staff> }) {
  const staff = getFragmentData(FollowButton_staff, ref);
  const meId = useMeId();
  const [follow, followState] = useMutation(FollowMutation);
  const [unfollow, unfollowState] = useMutation(UnfollowMutation);
  if (!meId || meId === staff.id) return null;
  const input = { staffId: staff.id };
  return (
    <ToggleButton
      on={staff.viewerFollows}
      onStatus="Following"
      turnOnLabel="Follow"
      turnOffLabel="Unfollow"
      subject={staff.displayName}
      busy={followState.loading || unfollowState.loading}
      error={followState.error ?? unfollowState.error}
      turnOn={() => follow({ variables: { input } })}
      turnOff={() => unfollow({ variables: { input } })}
    />
  );
}
