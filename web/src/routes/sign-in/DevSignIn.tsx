import { Button, Tag, TextInput, WarningCallout } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useState } from 'react';
import { Loading } from '../../components/Loading/Loading';
import { QueryErrorSummary } from '../../components/QueryErrorSummary/QueryErrorSummary';
import type { DevPerson, DevSession } from '../../app/auth/dev-session';

interface DevSignInProps {
  session: DevSession;
}

const NO_ORGANISATION = 'No organisation yet';

/** People grouped under the headings the page shows: the communications team, then each organisation. */
function groupPeople(people: DevPerson[]): [string, DevPerson[]][] {
  const groups = new Map<string, DevPerson[]>();
  for (const person of people) {
    const heading = person.isCommsAdmin
      ? 'Communications team'
      : (person.organisationName ?? NO_ORGANISATION);
    groups.set(heading, [...(groups.get(heading) ?? []), person]);
  }
  return [...groups];
}

/** Development only: choose any seeded person. The server refuses this mode in production. */
export function DevSignIn({ session }: DevSignInProps) {
  const [people, setPeople] = useState<DevPerson[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [signInError, setSignInError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [searched, setSearched] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    session
      .listPeople(searched)
      .then((list) => live && setPeople(list))
      .catch((error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
    };
  }, [session, searched, attempt]);

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

  const find = (event: FormEvent) => {
    event.preventDefault();
    setSearched(search.trim());
  };

  const list = (group: DevPerson[]) => (
    <ul className="app-person-picker">
      {group.map((person) => (
        <li className="app-person-picker__item" key={person.id}>
          <div className="app-person-picker__details">
            <span className="app-person-picker__name" dir="auto">
              {person.displayName}
            </span>
            {person.jobTitle ? (
              <span className="app-person-picker__job" dir="auto">
                {person.jobTitle}
              </span>
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
      <form className="app-directory__search" role="search" onSubmit={find} noValidate>
        <TextInput
          id="person-search"
          name="search"
          type="search"
          label="Find a person to sign in as"
          labelProps={{ size: 's' }}
          hint="Part of a name or job title. Below are a few people from each organisation."
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" secondary className="app-directory__search-button">
          Find
        </Button>
      </form>
      {loadError ? (
        <QueryErrorSummary error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
      ) : !people ? (
        <Loading label="Loading people you can sign in as" />
      ) : (
        <>
          <p role="status">
            {searched
              ? `${people.length === 0 ? 'Nobody' : people.length === 1 ? '1 person' : `${people.length} people`} found for “${searched}”.`
              : null}
          </p>
          {people.length === 0 && !searched ? (
            <p>
              There is nobody to sign in as yet. Start the server with demo data (an empty database
              is seeded with the demo people) and reload this page.
            </p>
          ) : null}
          {groupPeople(people).map(([heading, group]) => (
            <section key={heading} aria-label={heading}>
              <h2 className="nhsuk-heading-m">{heading}</h2>
              {list(group)}
            </section>
          ))}
        </>
      )}
    </>
  );
}
