import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { useNavigateWithFlash } from '../../components/FlashBanner/FlashBanner';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import { CampaignForm, type CampaignDetails } from './CampaignForm';

const EditCampaignQuery = graphql(`
  query EditCampaign($id: ID!) {
    campaign(id: $id) {
      id
      name
      hashtag
      startsOn
      endsOn
    }
  }
`);

const UpdateCampaignMutation = graphql(`
  mutation UpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) {
      campaign {
        id
        name
        hashtag
        startsOn
        endsOn
      }
    }
  }
`);

/** The campaign's communications team corrects its name, hashtag or dates. */
export function EditCampaignPage() {
  const { id = '' } = useParams();
  const { data, error: loadError, refetch } = useQuery(EditCampaignQuery, { variables: { id } });
  const [update, { loading, error }] = useMutation(UpdateCampaignMutation, {
    refetchQueries: ['CampaignsPage', 'CampaignPage'],
  });
  const navigateWithFlash = useNavigateWithFlash();
  usePageTitle('Change campaign details', !!error || !!loadError);

  if (loadError && !data) {
    return <QueryErrorSummary error={loadError} onRetry={() => void refetch()} />;
  }
  if (!data) return <Loading label="Loading the campaign" />;
  const campaign = data.campaign;

  const submit = (details: CampaignDetails) => {
    const input = { campaignId: campaign.id, ...details };
    void update({ variables: { input } })
      .then(({ data: updated }) =>
        navigateWithFlash(
          `/campaigns/${campaign.id}`,
          `${updated?.updateCampaign.campaign.name ?? 'The campaign'} has been changed`,
        ),
      )
      .catch(() => undefined);
    return input;
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to={`/campaigns/${campaign.id}`}>
          {campaign.name}
        </BackLink>
        <CampaignForm
          title="Change campaign details"
          heading={<h1>Change campaign details</h1>}
          initial={campaign}
          submitLabel="Save changes"
          loading={loading}
          error={error}
          onSubmit={submit}
        >
          <p>
            New dates change the campaign’s leaderboard at once: activity on days outside them no
            longer counts on it.
          </p>
        </CampaignForm>
      </div>
    </div>
  );
}
