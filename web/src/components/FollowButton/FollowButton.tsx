import { useMutation } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { useMeId } from '../../app/auth/use-me-id';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { QueryErrorSummary } from '../QueryErrorSummary/QueryErrorSummary';

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
  const busy = followState.loading || unfollowState.loading;
  const error = followState.error ?? unfollowState.error;
  const input = { staffId: staff.id };

  return (
    <div className="app-follow">
      {error ? <QueryErrorSummary error={error} /> : null}
      {staff.viewerFollows ? (
        <>
          <span className="app-follow__status">
            <span aria-hidden="true">✓</span> Following
          </span>
          <Button
            type="button"
            secondary
            small
            disabled={busy}
            onClick={() => void unfollow({ variables: { input } }).catch(() => undefined)}
          >
            Unfollow<span className="nhsuk-u-visually-hidden"> {staff.displayName}</span>
          </Button>
        </>
      ) : (
        <Button
          type="button"
          small
          disabled={busy}
          onClick={() => void follow({ variables: { input } }).catch(() => undefined)}
        >
          Follow<span className="nhsuk-u-visually-hidden"> {staff.displayName}</span>
        </Button>
      )}
    </div>
  );
}
