import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction/ConfirmAction';
import { useNavigateWithFlash } from '../../components/FlashBanner/FlashBanner';
import { PageLoad } from '../../components/PageLoad/PageLoad';
import { graphql } from '../../gql';

const LeaveCommunityPageQuery = graphql(`
  query LeaveCommunityPage($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      viewerMembership {
        role
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

/** Confirm before leaving a community (a champion or organiser loses their role). */
export function LeaveCommunityPage() {
  const { slug = '' } = useParams();
  const { data, error, refetch } = useQuery(LeaveCommunityPageQuery, { variables: { slug } });
  const [leave, leaveState] = useMutation(LeaveCommunityMutation, {
    refetchQueries: ['CommunityPage', 'CommunitiesPage', 'SuggestionsPanel'],
    awaitRefetchQueries: true,
  });
  const navigateWithFlash = useNavigateWithFlash();

  if (!data) {
    return <PageLoad error={error} retry={() => void refetch()} label="Loading the community" />;
  }
  const { community } = data;
  const back = `/communities/${community.slug}`;
  const role = community.viewerMembership?.role;

  return (
    <ConfirmAction
      title={`Leave ${community.name}?`}
      confirmLabel="Yes, leave"
      cancelLabel="No, stay a member"
      cancelTo={back}
      busy={leaveState.loading}
      error={leaveState.error}
      onConfirm={() =>
        void leave({ variables: { input: { communityId: community.id } } })
          .then(() => navigateWithFlash(back, `You have left ${community.name}`))
          .catch(() => undefined)
      }
    >
      <p>
        You will no longer be listed as a member
        {role && role !== 'MEMBER' ? `, and you will stop being its ${role.toLowerCase()}` : ''}.
        You can join again at any time.
      </p>
    </ConfirmAction>
  );
}
