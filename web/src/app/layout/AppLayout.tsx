import { useApolloClient, useQuery } from '@apollo/client/react';
import { SkipLink } from 'nhsuk-react-components';
import { type MouseEvent, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { useAuthSession, useSignedIn } from '../auth/auth-context';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';

const AppLayoutQuery = graphql(`
  query AppLayout {
    me {
      id
      ...AppHeader_me
    }
    guidance {
      accepted
      listedUntil
      current {
        version
        title
        whatChanged
      }
    }
  }
`);

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** On every page until the person accepts the guidance that applies to them now. */
function GuidanceBanner({
  guidance,
}: {
  guidance: {
    accepted: boolean;
    listedUntil?: string | null;
    current?: { version: number; title: string; whatChanged?: string | null } | null;
  };
}) {
  const { pathname } = useLocation();
  if (guidance.accepted || !guidance.current) return null;
  return (
    <div className="nhsuk-warning-callout app-guidance-banner" data-testid="guidance-banner">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          Accept the new social media guidance
        </span>
      </h2>
      <p>
        {guidance.listedUntil
          ? `“${guidance.current.title}” (version ${guidance.current.version}) has changed. You stay listed in the directory until ${longDate(guidance.listedUntil)}; after that, colleagues cannot find you until you accept it.`
          : `“${guidance.current.title}” (version ${guidance.current.version}) has changed. Colleagues cannot find you in the directory until you accept it.`}
      </p>
      {guidance.current.whatChanged ? (
        <p dir="auto">
          <strong>What changed:</strong> {guidance.current.whatChanged}
        </p>
      ) : null}
      {pathname === '/guidance' ? null : (
        <p>
          <Link to="/guidance">Read and accept the guidance</Link>
        </p>
      )}
    </div>
  );
}

/** Plain same-site links (the NHS logo, links in content) navigate in the app, without a reload. */
function useInAppLinks() {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    if (/^\/(api|graphql|scim|health)(\/|$)/.test(url.pathname)) return;
    if (url.pathname === window.location.pathname && url.hash) return; // in-page anchors
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
}

/** After an in-app navigation, move focus to the new page so screen readers announce it. */
function useFocusOnNavigate() {
  const { pathname, hash } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // a link to a field (/me/edit#bio): the page focuses that field once it has loaded
    if (hash) return;
    document.getElementById('maincontent')?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [pathname]);
}

export function AppLayout() {
  const session = useAuthSession();
  const signedIn = useSignedIn();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { data } = useQuery(AppLayoutQuery, { skip: !signedIn });
  const onClick = useInAppLinks();
  useFocusOnNavigate();

  const signOut = async () => {
    await session.signOut();
    await client.clearStore();
    navigate('/sign-in?signedOut=1');
  };

  return (
    <div className="app-shell" onClick={onClick}>
      <SkipLink href="#maincontent" />
      <AppHeader
        me={signedIn ? (data?.me ?? null) : null}
        signedIn={signedIn}
        onSignOut={signOut}
      />
      <div className="app-shell__body">
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper app-main" id="maincontent" tabIndex={-1}>
            {signedIn && data?.guidance ? <GuidanceBanner guidance={data.guidance} /> : null}
            <Outlet />
          </main>
        </div>
      </div>
      <AppFooter />
    </div>
  );
}
