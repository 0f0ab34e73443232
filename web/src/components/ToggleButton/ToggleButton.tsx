import { Button } from 'nhsuk-react-components';
import { QueryErrorSummary } from '../QueryErrorSummary/QueryErrorSummary';

/**
 * A two-state action such as Follow/Unfollow or Join/Leave: when on, a ticked status and a
 * secondary button to undo it. `subject` names what it acts on, for screen readers. The button
 * stays the same element in both states (never disabled while busy), so focus stays on it.
 */
export function ToggleButton({
  on,
  onStatus,
  turnOnLabel,
  turnOffLabel,
  subject,
  busy,
  error,
  turnOn,
  turnOff,
}: {
  on: boolean;
  onStatus: string;
  turnOnLabel: string;
  turnOffLabel: string;
  subject: string;
  busy: boolean;
  error?: unknown;
  turnOn: () => Promise<unknown>;
  turnOff: () => Promise<unknown>;
}) {
  // a failed mutation is shown by the error summary
  const run = () => {
    if (busy) return;
    void (on ? turnOff() : turnOn()).catch(() => undefined);
  };
  return (
    <div className="app-follow">
      {error ? <QueryErrorSummary error={error} /> : null}
      {on ? (
        <span className="app-follow__status">
          <span aria-hidden="true">✓</span> {onStatus}
        </span>
      ) : null}
      <Button
        type="button"
        secondary={on}
        small
        aria-disabled={busy || undefined}
        className="app-follow__button"
        onClick={run}
      >
        {on ? turnOffLabel : turnOnLabel}
        <span className="nhsuk-u-visually-hidden"> {subject}</span>
      </Button>
    </div>
  );
}
