import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, NotificationBanner, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsFrom, WEIGHT_RANGE_MESSAGE } from '../../../app/errors/error-messages';
import { usePageTitle } from '../../../app/page/use-page-title';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { getFragmentData, graphql } from '../../../gql';

// what the page shows of the weights, and what saving them answers
export const LeaderboardWeightsPage_weights = graphql(`
  fragment LeaderboardWeightsPage_weights on LeaderboardWeights {
    reach
    growth
    activity
    campaign
    champion
    organiser
    connections
    profile
    guidance
    verified
    formula
  }
`);

const WeightsPageQuery = graphql(`
  query LeaderboardWeightsPage($organisationId: ID) {
    leaderboardWeights(organisationId: $organisationId) {
      ...LeaderboardWeightsPage_weights
    }
  }
`);

const WeightsMeQuery = graphql(`
  query LeaderboardWeightsMe {
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

const UpdateWeightsMutation = graphql(`
  mutation UpdateLeaderboardWeights($input: UpdateLeaderboardWeightsInput!) {
    updateLeaderboardWeights(input: $input) {
      weights {
        ...LeaderboardWeightsPage_weights
      }
    }
  }
`);

type WeightName =
  | 'reach'
  | 'growth'
  | 'activity'
  | 'campaign'
  | 'champion'
  | 'organiser'
  | 'connections'
  | 'profile'
  | 'guidance'
  | 'verified';

/** Each weight, what it scores, and its documented default (docs/leaderboard.md). */
export const WEIGHTS: { name: WeightName; label: string; what: string; defaultValue: number }[] = [
  {
    name: 'reach',
    label: 'Reach',
    what: 'Points for each tenfold of followers across a person’s accounts',
    defaultValue: 10,
  },
  {
    name: 'growth',
    label: 'Growth',
    what: 'Points for each tenfold of followers gained',
    defaultValue: 15,
  },
  {
    name: 'activity',
    label: 'Activity',
    what: 'Points for each tenfold of posts, and again for engagements',
    defaultValue: 10,
  },
  {
    name: 'campaign',
    label: 'Campaigns',
    what: 'Points for each campaign taken part in (up to 3), and for each tenfold of campaign posts',
    defaultValue: 10,
  },
  {
    name: 'champion',
    label: 'Community champion',
    what: 'Points for each community championed (up to 3)',
    defaultValue: 10,
  },
  {
    name: 'organiser',
    label: 'Community organiser',
    what: 'Points for each community organised (up to 3)',
    defaultValue: 15,
  },
  {
    name: 'connections',
    label: 'Connections',
    what: 'Points for each tenfold of colleagues they follow, or who follow them, in the directory',
    defaultValue: 10,
  },
  {
    name: 'profile',
    label: 'Profile',
    what: 'Points for a complete profile, in proportion to the 6 fields filled',
    defaultValue: 10,
  },
  {
    name: 'guidance',
    label: 'Guidance accepted',
    what: 'Points for accepting the social media guidance',
    defaultValue: 10,
  },
  {
    name: 'verified',
    label: 'Verified accounts',
    what: 'Points for each verified account (up to 3)',
    defaultValue: 10,
  },
];

const WHOLE = /^\d+$/;

/** The communications team sets how much each part of the advocacy score is worth. */
export function LeaderboardWeightsPage() {
  const meQuery = useQuery(WeightsMeQuery);
  const me = meQuery.data?.me;
  // a Comms.Admin sets its organisation's weights; the national team the NHS-wide ones
  const organisation = me?.isCommsAdmin && me.organisation ? me.organisation : null;
  const { data, error, refetch } = useQuery(WeightsPageQuery, {
    variables: { organisationId: organisation?.id ?? null },
    skip: !me,
  });
  const [update, updateState] = useMutation(UpdateWeightsMutation);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const bannerRef = useRef<HTMLDivElement>(null);
  const fieldErrors = { ...fieldErrorsFrom(updateState.error), ...localErrors };
  const problems = Object.entries(fieldErrors).map(([field, message]) => ({ field, message }));
  usePageTitle('Leaderboard weights', problems.length > 0 || !!updateState.error);
  useEffect(() => {
    if (saved) bannerRef.current?.focus();
  }, [saved]);

  if ((error && !data) || (meQuery.error && !me)) {
    return (
      <QueryErrorSummary
        error={error ?? meQuery.error}
        onRetry={() => void (me ? refetch() : meQuery.refetch())}
      />
    );
  }
  if (!me || !data) return <Loading />;
  if (!organisation && !me.isNationalAdmin) {
    return (
      <>
        <h1>Leaderboard weights</h1>
        <p>
          Your organisation has not been confirmed yet, so you cannot set its weights. Ask your IT
          service desk to check your organisation.
        </p>
      </>
    );
  }
  const weights = getFragmentData(LeaderboardWeightsPage_weights, data.leaderboardWeights);
  const whose = organisation ? organisation.name : 'all NHS organisations';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (updateState.loading) return;
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const local: Record<string, string> = {};
    const values: Partial<Record<WeightName, number>> = {};
    for (const weight of WEIGHTS) {
      const text = String(form.get(weight.name) ?? '').trim();
      if (!WHOLE.test(text) || Number(text) > 100) {
        local[weight.name] =
          text === ''
            ? `Enter the points for ${weight.label.toLowerCase()}, from 0 to 100`
            : `${weight.label}: ${WEIGHT_RANGE_MESSAGE.charAt(0).toLowerCase()}${WEIGHT_RANGE_MESSAGE.slice(1)}`;
      } else {
        values[weight.name] = Number(text);
      }
    }
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    void update({
      variables: { input: { ...values, organisationId: organisation?.id ?? null } },
      refetchQueries: ['LeaderboardWeightsPage'],
      awaitRefetchQueries: true,
    })
      .then(() => {
        setSaved(true);
        setFormKey((k) => k + 1);
      })
      .catch(() => undefined);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin">
          Communications team
        </BackLink>
        {problems.length > 0 ? (
          <QueryErrorSummary problems={problems} />
        ) : updateState.error ? (
          <QueryErrorSummary error={updateState.error} />
        ) : null}
        {saved ? (
          <div ref={bannerRef} tabIndex={-1}>
            <NotificationBanner success>
              <NotificationBanner.Heading>The weights have been saved</NotificationBanner.Heading>
              <p>Every score on the leaderboards now uses them.</p>
            </NotificationBanner>
          </div>
        ) : null}
        <h1>Leaderboard weights</h1>
        <p className="nhsuk-lede-text">
          How many points each part of the advocacy score is worth for {whose}. Each is a whole
          number from 0 to 100.
        </p>
        <p>
          Follower counts count on a logarithmic scale, so raw reach never decides a rank alone.
          {organisation
            ? ' Weights you do not change follow the NHS-wide ones.'
            : ' Organisations that set none of their own use these.'}
        </p>
        <h2>The score now</h2>
        <ul>
          {weights.formula.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <form key={formKey} onSubmit={submit} noValidate>
          <h2>Change the weights</h2>
          {WEIGHTS.map((weight) => (
            <TextInput
              key={weight.name}
              id={weight.name}
              name={weight.name}
              label={`${weight.label} points`}
              hint={`${weight.what}. Default: ${weight.defaultValue}.`}
              inputMode="numeric"
              spellCheck={false}
              width={3}
              defaultValue={String(weights[weight.name])}
              error={fieldErrors[weight.name]}
            />
          ))}
          <Button type="submit" aria-disabled={updateState.loading || undefined}>
            Save weights
          </Button>
        </form>
      </div>
    </div>
  );
}
