/** A polite, announced loading state; never a blank page. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p className="app-loading" role="status" aria-live="polite">
      <span className="app-loading__spinner" aria-hidden="true" />
      {label}…
    </p>
  );
}
