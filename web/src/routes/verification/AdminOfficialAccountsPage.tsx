import { useMutation, useQuery } from '@apollo/client/react';
import {
  BackLink,
  Button,
  NotificationBanner,
  Select,
  SummaryList,
  Textarea,
  TextInput,
} from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsFrom } from '../../app/errors/error-messages';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { usePageTitle } from '../../app/page/use-page-title';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../gql';
import type { Platform } from '../../gql/graphql';

const AdminOfficialAccountsQuery = graphql(`
  query AdminOfficialAccounts($organisationId: ID) {
    me {
      id
      organisation {
        id
        name
      }
    }
    officialAccounts(organisationId: $organisationId, first: 100) {
      totalCount
      edges {
        node {
          id
          platform
          handle
          url
          label
        }
      }
    }
  }
`);

const RegisterMutation = graphql(`
  mutation RegisterOfficialAccount($input: RegisterOfficialAccountInput!) {
    registerOfficialAccount(input: $input) {
      officialAccount {
        id
        handle
      }
    }
  }
`);

const RemoveMutation = graphql(`
  mutation RemoveOfficialAccount($input: RemoveOfficialAccountInput!) {
    removeOfficialAccount(input: $input) {
      removedOfficialAccountId
    }
  }
`);

const ReassignMutation = graphql(`
  mutation ReassignSocialHandle($input: ReassignSocialHandleInput!) {
    reassignSocialHandle(input: $input) {
      officialAccount {
        id
        handle
      }
      account {
        id
        handle
      }
    }
  }
`);

const PLATFORMS = Object.keys(PLATFORM_LABELS) as Platform[];

/** Communications team: the organisation's own accounts, and the dispute path for a handle. */
export function AdminOfficialAccountsPage() {
  const me = useQuery(AdminOfficialAccountsQuery, { variables: { organisationId: null } });
  const organisationId = me.data?.me.organisation?.id ?? null;
  const { data, error, refetch } = useQuery(AdminOfficialAccountsQuery, {
    variables: { organisationId },
    skip: !organisationId,
  });
  const options = { refetchQueries: ['AdminOfficialAccounts'], awaitRefetchQueries: true };
  const [register, registerState] = useMutation(RegisterMutation, options);
  const [remove, removeState] = useMutation(RemoveMutation, options);
  const [reassign, reassignState] = useMutation(ReassignMutation, options);
  const [done, setDone] = useState<string | null>(null);
  const [sent, setSent] = useState<Record<string, unknown>>();
  const registerErrors = fieldErrorsFrom(registerState.error, sent);
  const reassignErrors = fieldErrorsFrom(reassignState.error, sent);
  usePageTitle(
    'Official accounts',
    !!registerState.error || !!reassignState.error || !!removeState.error,
  );

  const failed = me.error ?? error;
  if (failed && !data) return <QueryErrorSummary error={failed} onRetry={() => void refetch()} />;
  if (!me.data || (organisationId && !data)) return <Loading label="Loading official accounts" />;
  const organisation = me.data.me.organisation;

  const onRegister = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const input = {
      platform: form.get('platform') as Platform,
      handle: String(form.get('handle') ?? ''),
      label: String(form.get('label') ?? '') || null,
    };
    setSent(input);
    void register({ variables: { input } })
      .then(({ data: result }) => {
        target.reset();
        setDone(`${result?.registerOfficialAccount.officialAccount.handle} is now official`);
      })
      .catch(() => undefined);
  };

  const onReassign = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const toStaffId = String(form.get('toStaffId') ?? '').trim();
    const input = {
      platform: form.get('reassignPlatform') as Platform,
      handle: String(form.get('reassignHandle') ?? ''),
      note: String(form.get('note') ?? ''),
      toStaffId: toStaffId || null,
    };
    setSent({ ...input });
    void reassign({ variables: { input } })
      .then(() => setDone(`${input.handle} was reassigned`))
      .catch(() => undefined);
  };

  const accounts = data?.officialAccounts.edges.map((e) => e.node) ?? [];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to="/admin">
          Back to communications team
        </BackLink>
        {registerState.error ? (
          <QueryErrorSummary error={registerState.error} values={sent} />
        ) : null}
        {reassignState.error ? (
          <QueryErrorSummary error={reassignState.error} values={sent} />
        ) : null}
        {removeState.error ? <QueryErrorSummary error={removeState.error} /> : null}
        <h1>Official accounts</h1>
        {done ? (
          <NotificationBanner success>
            <NotificationBanner.Heading>{done}</NotificationBanner.Heading>
          </NotificationBanner>
        ) : null}
        <p>
          {organisation
            ? `The accounts of ${organisation.name} itself. They are shown as official, and nobody can register them as their own.`
            : 'Choose your organisation first.'}
        </p>
        {accounts.length === 0 ? <p>No official accounts yet.</p> : null}
        {accounts.length > 0 ? (
          <SummaryList>
            {accounts.map((account) => (
              <SummaryList.Row key={account.id}>
                <SummaryList.Key>{PLATFORM_LABELS[account.platform]}</SummaryList.Key>
                <SummaryList.Value>
                  <a href={account.url} rel="noopener noreferrer">
                    {account.handle}
                  </a>
                  {account.label ? ` – ${account.label}` : ''}
                </SummaryList.Value>
                <dd className="nhsuk-summary-list__actions">
                  <button
                    type="button"
                    className="app-link-button"
                    onClick={() =>
                      void remove({ variables: { input: { id: account.id } } })
                        .then(() => setDone(`${account.handle} is no longer official`))
                        .catch(() => undefined)
                    }
                  >
                    Remove<span className="nhsuk-u-visually-hidden"> {account.handle}</span>
                  </button>
                </dd>
              </SummaryList.Row>
            ))}
          </SummaryList>
        ) : null}
        {organisation ? (
          <>
            <h2>Register an official account</h2>
            <form onSubmit={onRegister} noValidate>
              <Select
                id="platform"
                name="platform"
                label="Platform"
                error={registerErrors.platform}
              >
                {PLATFORMS.map((p) => (
                  <Select.Option key={p} value={p}>
                    {PLATFORM_LABELS[p]}
                  </Select.Option>
                ))}
              </Select>
              <TextInput
                id="handle"
                name="handle"
                label="Handle or profile link"
                error={registerErrors.handle}
              />
              <TextInput
                id="label"
                name="label"
                label="Description (optional)"
                hint="For example, Main news account"
                error={registerErrors.label}
              />
              <Button type="submit" aria-disabled={registerState.loading || undefined}>
                Register as official
              </Button>
            </form>
            <h2>Reassign a handle</h2>
            <p>
              If someone else has registered your organisation’s handle, or one of your staff’s,
              move it to its real owner. Leave the staff id empty to make it an official account.
              Your note is kept in the audit log.
            </p>
            <form onSubmit={onReassign} noValidate>
              <Select id="reassignPlatform" name="reassignPlatform" label="Platform">
                {PLATFORMS.map((p) => (
                  <Select.Option key={p} value={p}>
                    {PLATFORM_LABELS[p]}
                  </Select.Option>
                ))}
              </Select>
              <TextInput
                id="reassignHandle"
                name="reassignHandle"
                label="Handle or profile link"
                error={reassignErrors.handle}
              />
              <TextInput
                id="toStaffId"
                name="toStaffId"
                label="Give it to (staff id, optional)"
                hint="The number at the end of their profile link"
                width={10}
                error={reassignErrors.toStaffId}
              />
              <Textarea id="note" name="note" label="Why?" rows={3} error={reassignErrors.note} />
              <Button type="submit" secondary aria-disabled={reassignState.loading || undefined}>
                Reassign the handle
              </Button>
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}
