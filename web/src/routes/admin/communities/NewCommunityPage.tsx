import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useNavigateWithFlash } from '../../../components/FlashBanner/FlashBanner';
import { graphql } from '../../../gql';
import { CommunityForm } from './CommunityForm';

export const AdminOrganisationQuery = graphql(`
  query AdminOrganisation {
    me {
      id
      organisation {
        id
        name
      }
    }
  }
`);

const CreateCommunityMutation = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      community {
        id
        slug
        name
      }
    }
  }
`);

export function NewCommunityPage() {
  const { data } = useQuery(AdminOrganisationQuery);
  const [create, { loading, error }] = useMutation(CreateCommunityMutation, {
    refetchQueries: ['AdminCommunitiesPage', 'CommunitiesPage'],
  });
  const navigateWithFlash = useNavigateWithFlash();

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin/communities">
          Manage communities
        </BackLink>
        <CommunityForm
          title="Create a community"
          pageTitle="Create a community"
          organisation={data?.me.organisation ?? null}
          submitLabel="Create community"
          busy={loading}
          error={error}
          onSubmit={(input) =>
            void create({ variables: { input } })
              .then(({ data: created }) => {
                const community = created?.createCommunity.community;
                navigateWithFlash(
                  community ? `/communities/${community.slug}` : '/admin/communities',
                  `${community?.name ?? 'The community'} has been created`,
                );
              })
              .catch(() => undefined)
          }
        />
      </div>
    </div>
  );
}
