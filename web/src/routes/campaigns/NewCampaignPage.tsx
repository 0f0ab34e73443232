import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, DateInput, Radios, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  fieldErrorsFrom,
  missingMessage,
  type SentValues,
  textProblem,
} from '../../app/errors/error-messages';
import { usePageTitle } from '../../app/page/use-page-title';
import { useNavigateWithFlash } from '../../components/FlashBanner/FlashBanner';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import { dayFromParts } from './campaign-dates';

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

// the error summary links to the first box of a date
const FIELD_IDS = { startsOn: 'startsOn-day', endsOn: 'endsOn-day', nhsWide: 'nhsWide' };
const HASHTAG = /^#?[\p{L}\p{N}_]+$/u;

/** The communications team creates a campaign: its organisation's, or NHS-wide (national team). */
export function NewCampaignPage() {
  const { data } = useQuery(NewCampaignQuery);
  const [create, { loading, error }] = useMutation(CreateCampaignMutation, {
    refetchQueries: ['CampaignsPage'],
  });
  const navigateWithFlash = useNavigateWithFlash();
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<SentValues>({});
  const fieldErrors = { ...fieldErrorsFrom(error, sent), ...localErrors };
  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));
  usePageTitle('Create a campaign', problems.length > 0 || !!error);

  if (!data) return <Loading />;
  const me = data.me;
  // a Comms.Admin creates for their confirmed organisation; only the national team NHS-wide
  const forOrganisation = me.isCommsAdmin && me.organisation ? me.organisation : null;
  const nhsWideAllowed = me.isNationalAdmin;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const local: Record<string, string> = {};
    const name = text('name');
    if (name === '') local.name = missingMessage('campaignName');
    else {
      const problem = textProblem('name', name);
      if (problem) local.name = problem;
    }
    const hashtag = text('hashtag');
    if (hashtag === '') local.hashtag = missingMessage('campaignHashtag');
    else if (!HASHTAG.test(hashtag)) {
      local.hashtag =
        'Enter a hashtag of one word: letters, digits or underscores, like #NHSSocialMediaWeek';
    }
    const day = (field: 'startsOn' | 'endsOn') => {
      const parts = ['day', 'month', 'year'].map((p) => text(`${field}-${p}`));
      if (parts.every((p) => p === '')) {
        local[field] = missingMessage(field);
        return null;
      }
      const found = dayFromParts(parts[0], parts[1], parts[2]);
      if (!found) local[field] = 'Enter a real date, like 15 3 2027';
      return found;
    };
    const startsOn = day('startsOn');
    const endsOn = day('endsOn');
    if (startsOn && endsOn && endsOn < startsOn) {
      local.endsOn = 'The campaign must end on or after the day it starts';
    }
    const nhsWide = text('nhsWide') === 'yes' || (!forOrganisation && nhsWideAllowed);
    setLocalErrors(local);
    if (Object.keys(local).length > 0 || !startsOn || !endsOn) return;
    const input = { name, hashtag, startsOn, endsOn, nhsWide };
    setSent(input);
    void create({ variables: { input } })
      .then(({ data: created }) => {
        const campaign = created?.createCampaign.campaign;
        navigateWithFlash(
          campaign ? `/campaigns/${campaign.id}` : '/campaigns',
          `${campaign?.name ?? 'The campaign'} has been created`,
        );
      })
      .catch(() => undefined);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/campaigns">
          Campaigns
        </BackLink>
        {problems.length > 0 ? (
          <QueryErrorSummary problems={problems} fieldIds={FIELD_IDS} />
        ) : error ? (
          <QueryErrorSummary error={error} values={sent} fieldIds={FIELD_IDS} />
        ) : null}
        <h1>Create a campaign</h1>
        {!forOrganisation && !nhsWideAllowed ? (
          <p>
            Your organisation has not been confirmed yet, so you cannot create a campaign for it.
            Ask your IT service desk to check your organisation.
          </p>
        ) : (
          <form onSubmit={submit} noValidate>
            <TextInput id="name" name="name" label="Name" error={fieldErrors.name} dir="auto" />
            <TextInput
              id="hashtag"
              name="hashtag"
              label="Hashtag"
              hint="One word, such as #NHSSocialMediaWeek"
              error={fieldErrors.hashtag}
              width={20}
            />
            <DateInput
              id="startsOn"
              name="startsOn"
              legend="First day"
              hint="For example, 15 3 2027"
              error={fieldErrors.startsOn}
            />
            <DateInput
              id="endsOn"
              name="endsOn"
              legend="Last day"
              hint="The campaign includes this day. For example, 21 3 2027"
              error={fieldErrors.endsOn}
            />
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
            <Button type="submit" aria-disabled={loading || undefined}>
              Create campaign
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}
