import { useEffect } from 'react';

/** The service could not start (server unreachable, sign-in misconfigured): say so plainly. */
export function StartupError({ error }: { error: unknown }) {
  useEffect(() => {
    document.title = 'Sorry, there is a problem with the service – Staff Voices – NHS';
  }, []);
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="nhsuk-width-container">
      <main className="nhsuk-main-wrapper" id="maincontent">
        <h1>Sorry, there is a problem with the service</h1>
        <div className="nhsuk-error-summary" aria-labelledby="startup-error-title" role="alert">
          <h2 className="nhsuk-error-summary__title" id="startup-error-title">
            Staff Voices could not start
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{detail}</p>
          </div>
        </div>
        <p>Try again later. If the problem continues, contact your IT service desk.</p>
      </main>
    </div>
  );
}
