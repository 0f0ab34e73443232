import { BackLink, Button } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page/use-page-title';
import { QueryErrorSummary } from '../QueryErrorSummary/QueryErrorSummary';

/** "Are you sure?" before an action that is hard to undo: say what happens, then yes or no. */
export function ConfirmAction({
  title,
  children,
  confirmLabel,
  cancelLabel,
  cancelTo,
  busy,
  error,
  onConfirm,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  cancelTo: string;
  busy: boolean;
  error?: unknown;
  onConfirm: () => void;
}) {
  usePageTitle(title, !!error);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink asElement={Link} to={cancelTo}>
          Back
        </BackLink>
        {error ? <QueryErrorSummary error={error} /> : null}
        <h1 dir="auto">{title}</h1>
        {children}
        <div className="app-button-group">
          <Button
            type="button"
            warning
            aria-disabled={busy || undefined}
            onClick={() => (busy ? undefined : onConfirm())}
          >
            {confirmLabel}
          </Button>
          <Link to={cancelTo}>{cancelLabel}</Link>
        </div>
      </div>
    </div>
  );
}
