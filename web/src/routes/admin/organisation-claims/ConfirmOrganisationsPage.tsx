import { useMutation, useQuery } from '@apollo/client/react';
import { BackLink, Button, CharacterCount } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsFrom, missingMessage, textProblem } from '../../../app/errors/error-messages';
import { usePageTitle } from '../../../app/page/use-page-title';
import { FlashBanner, useClearFlash } from '../../../components/FlashBanner/FlashBanner';
import { Loading } from '../../../components/Loading/Loading';
import { QueryErrorSummary } from '../../../components/QueryErrorSummary/QueryErrorSummary';
import { graphql } from '../../../gql';

const ConfirmOrganisationsPageQuery = graphql(`
  query ConfirmOrganisationsPage {
    organisationClaims(first: 100) {
      totalCount
      edges {
        node {
          id
          createdAt
          organisation {
            id
            name
          }
          site {
            id
            name
          }
          department {
            id
            name
          }
          person {
            id
            displayName
            jobTitle
          }
        }
      }
    }
  }
`);

const ConfirmOrganisationClaimMutation = graphql(`
  mutation ConfirmOrganisationClaim($input: ConfirmOrganisationClaimInput!) {
    confirmOrganisationClaim(input: $input) {
      claim {
        id
        status
      }
    }
  }
`);

const RefuseOrganisationClaimMutation = graphql(`
  mutation RefuseOrganisationClaim($input: RefuseOrganisationClaimInput!) {
    refuseOrganisationClaim(input: $input) {
      claim {
        id
        status
        reason
      }
    }
  }
`);

/**
 * Communications team: people who say they work for the organisation. Confirming makes it
 * their organisation; refusing tells them why (they read the reason on their profile).
 */
export function ConfirmOrganisationsPage() {
  const { data, error, refetch } = useQuery(ConfirmOrganisationsPageQuery);
  const mutationOptions = {
    refetchQueries: ['ConfirmOrganisationsPage'],
    awaitRefetchQueries: true,
  };
  const [confirm, confirmState] = useMutation(ConfirmOrganisationClaimMutation, mutationOptions);
  const [refuse, refuseState] = useMutation(RefuseOrganisationClaimMutation, mutationOptions);
  const [flash, setFlash] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<{ claimId: string; problem?: string } | null>(null);
  const clearFlash = useClearFlash();
  const actionError = confirmState.error ?? refuseState.error;
  const fieldErrors = fieldErrorsFrom(refuseState.error);
  usePageTitle('Confirm organisations', (!!error && !data) || !!actionError || !!refusing?.problem);

  const claims = data?.organisationClaims.edges.map((e) => e.node) ?? [];
  const busy = confirmState.loading || refuseState.loading;

  const onConfirm = async (claimId: string, name: string, organisation: string) => {
    if (busy) return;
    clearFlash();
    setFlash(null);
    refuseState.reset();
    try {
      await confirm({ variables: { input: { claimId } } });
      setFlash(`${name} is confirmed as working for ${organisation}`);
    } catch {
      // shown in the error summary
    }
  };

  const onRefuse = async (event: FormEvent<HTMLFormElement>, claimId: string, name: string) => {
    event.preventDefault();
    if (busy) return;
    clearFlash();
    setFlash(null);
    confirmState.reset();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    const problem = reason ? textProblem('reason', reason) : missingMessage('refuseReason');
    if (problem) {
      setRefusing({ claimId, problem });
      return;
    }
    setRefusing({ claimId });
    try {
      await refuse({ variables: { input: { claimId, reason } } });
      setFlash(`${name}’s organisation was refused. They can see your reason on their profile.`);
    } catch {
      // shown in the error summary and beside the field
    }
  };

  return (
    <>
      <BackLink asElement={Link} to="/admin">
        Communications team
      </BackLink>
      <FlashBanner />
      {flash ? (
        <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert">
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">{flash}</p>
          </div>
        </div>
      ) : null}
      {refusing?.problem ? (
        <QueryErrorSummary
          problems={[{ field: 'reason', message: refusing.problem }]}
          fieldIds={{ reason: `reason-${refusing.claimId}` }}
        />
      ) : actionError ? (
        <QueryErrorSummary
          error={actionError}
          fieldIds={refusing ? { reason: `reason-${refusing.claimId}` } : {}}
        />
      ) : null}
      <h1>Confirm organisations</h1>
      <p>
        These people say they work for your organisation. Until you confirm them, their organisation
        shows as unconfirmed and gives them nothing.
      </p>
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Loading people waiting for confirmation" />
      ) : claims.length === 0 ? (
        <p className="app-empty">Nobody is waiting for confirmation.</p>
      ) : (
        <ul className="app-card-list">
          {claims.map((claim) => {
            const name = claim.person?.displayName ?? 'Someone who has left';
            const reasonId = `reason-${claim.id}`;
            const problem =
              refusing?.claimId === claim.id
                ? (refusing.problem ?? fieldErrors.reason ?? undefined)
                : undefined;
            return (
              <li key={claim.id} className="app-card-list__item">
                <h2 className="nhsuk-heading-s" dir="auto">
                  {name}
                </h2>
                <p>
                  {claim.person?.jobTitle ? (
                    <span dir="auto">{claim.person.jobTitle}, </span>
                  ) : null}
                  says they work for <span dir="auto">{claim.organisation.name}</span>
                  {claim.site ? (
                    <>
                      {' '}
                      at <span dir="auto">{claim.site.name}</span>
                    </>
                  ) : null}
                  {claim.department ? (
                    <>
                      {' '}
                      in <span dir="auto">{claim.department.name}</span>
                    </>
                  ) : null}
                  .
                </p>
                <Button
                  type="button"
                  aria-disabled={busy || undefined}
                  onClick={() => void onConfirm(claim.id, name, claim.organisation.name)}
                >
                  Confirm
                  <span className="nhsuk-u-visually-hidden"> {name}</span>
                </Button>
                <form onSubmit={(e) => void onRefuse(e, claim.id, name)} noValidate>
                  <CharacterCount
                    id={reasonId}
                    name="reason"
                    label={`Why you are refusing ${name}`}
                    hint="They will read this on their profile"
                    error={problem}
                    maxLength={500}
                    rows={2}
                  />
                  <Button type="submit" secondary aria-disabled={busy || undefined}>
                    Refuse
                    <span className="nhsuk-u-visually-hidden"> {name}</span>
                  </Button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
