import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Radios } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { useNavigateWithFlash } from '../../components/FlashBanner/FlashBanner';
import { Loading } from '../../components/Loading/Loading';
import { graphql } from '../../gql';
import { CampaignForm, type CampaignDetails } from './CampaignForm';

const NewCampaignQuery = graphql(`
  query NewCampaign {
    me {
      id
      isCommsAdmin
      isNationalAdmin
      organisation {
        id
        name
      }
    }
  }
`);

const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign {
        id
        name
      }
    }
  }
`);

/** The communications team creates a campaign: its organisation's, or NHS-wide (national team). */
export function NewCampaignPage() {
  const { data } = useQuery(NewCampaignQuery);
  const [create, { loading, error }] = useMutation(CreateCampaignMutation, {
    refetchQueries: ['CampaignsPage'],
  });
  const navigateWithFlash = useNavigateWithFlash();
  usePageTitle('Create a campaign', !!error);

  if (!data) return <Loading />;
  const me = data.me;
  // a Comms.Admin creates for their confirmed organisation; only the national team NHS-wide
  const forOrganisation = me.isCommsAdmin && me.organisation ? me.organisation : null;
  const nhsWideAllowed = me.isNationalAdmin;

  const submit = (details: CampaignDetails, form: FormData) => {
    const nhsWide = form.get('nhsWide') === 'yes' || (!forOrganisation && nhsWideAllowed);
    const input = { ...details, nhsWide };
    void create({ variables: { input } })
      .then(({ data: created }) => {
        const campaign = created?.createCampaign.campaign;
        navigateWithFlash(
          campaign ? `/campaigns/${campaign.id}` : '/campaigns',
          `${campaign?.name ?? 'The campaign'} has been created`,
        );
      })
      .catch(() => undefined);
    return input;
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/campaigns">
          Campaigns
        </BackLink>
        {!forOrganisation && !nhsWideAllowed ? (
          <>
            <h1>Create a campaign</h1>
            <p>
              Your organisation has not been confirmed yet, so you cannot create a campaign for it.
              Ask your IT service desk to check your organisation.
            </p>
          </>
        ) : (
          <CampaignForm
            title="Create a campaign"
            heading={<h1>Create a campaign</h1>}
            submitLabel="Create campaign"
            loading={loading}
            error={error}
            onSubmit={submit}
          >
            {forOrganisation && nhsWideAllowed ? (
              <Radios name="nhsWide" legend="Who can take part?">
                <Radios.Item id="nhsWide" value="no" defaultChecked>
                  Staff of {forOrganisation.name}
                </Radios.Item>
                <Radios.Item id="nhsWide-yes" value="yes">
                  All NHS staff
                </Radios.Item>
              </Radios>
            ) : (
              <p>
                {forOrganisation
                  ? `Staff of ${forOrganisation.name} can take part. Only the national communications team can create a campaign for all NHS staff.`
                  : 'All NHS staff can take part.'}
              </p>
            )}
          </CampaignForm>
        )}
      </div>
    </div>
  );
}
