import { Button, Tag, WarningCallout } from 'nhsuk-react-components';
import { useEffect, useState } from 'react';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import type { DevPerson, DevSession } from '../../app/auth/dev-session';

interface DevSignInProps {
  session: DevSession;
}

/** Development only: choose any seeded person. The server refuses this mode in production. */
export function DevSignIn({ session }: DevSignInProps) {
  const [people, setPeople] = useState<DevPerson[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [signInError, setSignInError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    session
      .listPeople()
      .then((list) => live && setPeople(list))
      .catch((error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
    };
  }, [session, attempt]);

  const signInAs = async (person: DevPerson) => {
    setBusyId(person.id);
    setSignInError(null);
    try {
      // signing in re-renders the sign-in page, which then moves on to where the person was going
      await session.signIn(person.id);
    } catch (error) {
      setSignInError(error);
      setBusyId(null);
    }
  };

  if (loadError) {
    return <QueryErrorSummary error={loadError} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  if (!people) return <Loading label="Loading people you can sign in as" />;

  const admins = people.filter((person) => person.isCommsAdmin);
  const staff = people.filter((person) => !person.isCommsAdmin);

  const list = (group: DevPerson[]) => (
    <ul className="app-person-picker">
      {group.map((person) => (
        <li className="app-person-picker__item" key={person.id}>
          <div className="app-person-picker__details">
            <span className="app-person-picker__name">{person.displayName}</span>
            {person.jobTitle ? (
              <span className="app-person-picker__job">{person.jobTitle}</span>
            ) : null}
            {person.isCommsAdmin ? <Tag modifier="blue">Communications team</Tag> : null}
          </div>
          <Button
            secondary
            small
            type="button"
            className="app-person-picker__button"
            disabled={busyId !== null}
            onClick={() => void signInAs(person)}
          >
            Sign in<span className="nhsuk-u-visually-hidden"> as {person.displayName}</span>
          </Button>
        </li>
      ))}
    </ul>
  );

  return (
    <>
      {signInError ? <QueryErrorSummary error={signInError} /> : null}
      <WarningCallout>
        <WarningCallout.Heading>Development sign-in</WarningCallout.Heading>
        <p>
          This server is running in development mode, so you can sign in as anyone. In a real
          deployment people sign in with their work Microsoft account.
        </p>
      </WarningCallout>
      {people.length === 0 ? (
        <p>
          There is nobody to sign in as yet. Start the server with demo data (an empty database is
          seeded with the demo people) and reload this page.
        </p>
      ) : (
        <>
          {admins.length > 0 ? (
            <>
              <h2>Communications team</h2>
              {list(admins)}
            </>
          ) : null}
          {staff.length > 0 ? (
            <>
              <h2>Staff</h2>
              {list(staff)}
            </>
          ) : null}
        </>
      )}
    </>
  );
}
