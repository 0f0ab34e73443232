import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { ConfirmAction } from '../../../components/ConfirmAction/ConfirmAction';
import { useNavigateWithFlash } from '../../../components/FlashBanner/FlashBanner';
import { PageLoad } from '../../../components/PageLoad/PageLoad';
import { graphql } from '../../../gql';
import { AdminCommunityQuery } from './admin-community';

const ArchiveCommunityMutation = graphql(`
  mutation ArchiveCommunity($input: CommunityIdInput!) {
    archiveCommunity(input: $input) {
      community {
        id
        archived
        archivedAt
      }
    }
  }
`);

/** Communications team: confirm before a community stops taking members. */
export function ArchiveCommunityPage() {
  const { slug = '' } = useParams();
  const { data, error, refetch } = useQuery(AdminCommunityQuery, { variables: { slug } });
  const [archive, archiveState] = useMutation(ArchiveCommunityMutation, {
    refetchQueries: ['AdminCommunitiesPage', 'CommunitiesPage'],
    awaitRefetchQueries: true,
  });
  const navigateWithFlash = useNavigateWithFlash();

  if (!data) {
    return <PageLoad error={error} retry={() => void refetch()} label="Loading the community" />;
  }
  const { community } = data;

  return (
    <ConfirmAction
      title={`Archive ${community.name}?`}
      confirmLabel="Yes, archive it"
      cancelLabel="No, keep it"
      cancelTo="/admin/communities"
      busy={archiveState.loading}
      error={archiveState.error}
      onConfirm={() =>
        void archive({ variables: { input: { communityId: community.id } } })
          .then(() =>
            navigateWithFlash('/admin/communities', `${community.name} has been archived`),
          )
          .catch(() => undefined)
      }
    >
      <p>
        It will leave the list of communities and take no new members. Its members keep their place,
        and you can restore it at any time from Manage communities.
      </p>
    </ConfirmAction>
  );
}
