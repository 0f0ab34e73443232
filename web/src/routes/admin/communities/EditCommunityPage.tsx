import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import { useNavigateWithFlash } from '../../../components/FlashBanner/FlashBanner';
import { PageLoad } from '../../../components/PageLoad/PageLoad';
import { graphql } from '../../../gql';
import { AdminCommunityQuery } from './admin-community';
import { CommunityForm } from './CommunityForm';

const UpdateCommunityMutation = graphql(`
  mutation UpdateCommunity($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      community {
        id
        slug
        name
        kind
        scope
        hashtag
        description
        links {
          label
          url
        }
      }
    }
  }
`);

/** Communications team: change a community's name, kind, description, hashtag, reach or link. */
export function EditCommunityPage() {
  const { slug = '' } = useParams();
  const { data, error, refetch } = useQuery(AdminCommunityQuery, { variables: { slug } });
  const [update, updateState] = useMutation(UpdateCommunityMutation, {
    refetchQueries: ['AdminCommunitiesPage', 'CommunitiesPage', 'CommunityPage'],
  });
  const navigateWithFlash = useNavigateWithFlash();

  if (!data) {
    return <PageLoad error={error} retry={() => void refetch()} label="Loading the community" />;
  }
  const { community } = data;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin/communities">
          Manage communities
        </BackLink>
        <CommunityForm
          title={
            <>
              <span className="nhsuk-caption-l">
                Change a community<span className="nhsuk-u-visually-hidden"> – </span>
              </span>
              <span dir="auto">{community.name}</span>
            </>
          }
          pageTitle={`Change ${community.name}`}
          initial={{
            ...community,
            organisationId: community.organisation?.id ?? null,
          }}
          organisation={community.organisation ?? data.me.organisation ?? null}
          submitLabel="Save changes"
          busy={updateState.loading}
          error={updateState.error}
          onSubmit={(fields) =>
            void update({
              variables: {
                input: {
                  id: community.id,
                  ...fields,
                  // an emptied box clears it
                  hashtag: fields.hashtag ?? '',
                  description: fields.description ?? '',
                },
              },
            })
              .then(({ data: saved }) => {
                const changed = saved?.updateCommunity.community;
                navigateWithFlash(
                  `/communities/${changed?.slug ?? community.slug}`,
                  `${changed?.name ?? community.name} has been saved`,
                );
              })
              .catch(() => undefined)
          }
        />
      </div>
    </div>
  );
}
