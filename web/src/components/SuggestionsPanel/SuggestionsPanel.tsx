import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from 'nhsuk-react-components';
import { useRef } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { FollowButton } from '../FollowButton/FollowButton';
import { Loading } from '../Loading/Loading';
import { QueryErrorSummary } from '../QueryErrorSummary/QueryErrorSummary';
import { StaffCard } from '../StaffCard/StaffCard';

const SuggestionsPanelQuery = graphql(`
  query SuggestionsPanel($first: Int!) {
    followSuggestions(first: $first) {
      person {
        id
        displayName
        ...StaffCard_staff
        ...FollowButton_staff
      }
      reasons {
        kind
        text
      }
    }
  }
`);

const DismissSuggestionMutation = graphql(`
  mutation DismissFollowSuggestion($input: StaffIdInput!) {
    dismissFollowSuggestion(input: $input) {
      staffId
    }
  }
`);

/** People you might follow, each with why; follow them here or say "not for me". */
export function SuggestionsPanel({ first = 5 }: { first?: number }) {
  const { data, error, refetch } = useQuery(SuggestionsPanelQuery, {
    variables: { first },
    // following someone must not make them vanish from under the pointer: refresh on the next visit
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  // a dismissed person never comes back; the refreshed list may bring someone new
  const [dismiss, dismissState] = useMutation(DismissSuggestionMutation, {
    refetchQueries: ['SuggestionsPanel'],
    awaitRefetchQueries: true,
  });
  // the card whose button was pressed goes: focus the list's heading rather than lose it
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <section className="app-suggestions" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" tabIndex={-1} ref={headingRef}>
        People you might follow
      </h2>
      {dismissState.error ? <QueryErrorSummary error={dismissState.error} /> : null}
      {error && !data ? (
        <QueryErrorSummary error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Finding people you might follow" />
      ) : data.followSuggestions.length === 0 ? (
        <p className="app-empty">
          No suggestions right now. Join <Link to="/communities">communities</Link> or browse the{' '}
          <Link to="/directory">directory</Link> to find colleagues.
        </p>
      ) : (
        <ul className="app-card-list">
          {data.followSuggestions.map(({ person, reasons }) => (
            <li key={person.id} className="app-card-list__item">
              <StaffCard staff={person} headingLevel="h3">
                <ul className="app-reasons" aria-label={`Why we suggest ${person.displayName}`}>
                  {reasons.map((reason) => (
                    <li key={reason.kind + reason.text} className="app-reasons__item">
                      {reason.text}
                    </li>
                  ))}
                </ul>
                <div className="app-staff-card__actions">
                  <FollowButton staff={person} />
                  <Button
                    type="button"
                    secondary
                    small
                    aria-disabled={dismissState.loading || undefined}
                    onClick={() => {
                      if (dismissState.loading) return;
                      void dismiss({ variables: { input: { staffId: person.id } } })
                        .then(() => headingRef.current?.focus())
                        .catch(() => undefined);
                    }}
                  >
                    Not for me
                    <span className="nhsuk-u-visually-hidden">: {person.displayName}</span>
                  </Button>
                </div>
              </StaffCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
