import { Header } from 'nhsuk-react-components';
import { type FormEvent, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../../gql';

export const AppHeader_me = graphql(`
  fragment AppHeader_me on StaffMember {
    id
    displayName
    isCommsAdmin
  }
`);

interface NavItem {
  to: string;
  label: string;
  adminOnly?: boolean;
}

/** Top-level sections; each capability adds its own. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/directory', label: 'Directory' },
  { to: '/communities', label: 'Communities' },
  { to: '/leaders', label: 'Leaders' },
  { to: '/leaderboard', label: 'Leaderboard' },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/following', label: 'Following' },
  { to: '/me', label: 'My profile' },
  { to: '/admin', label: 'Admin', adminOnly: true },
];

interface AppHeaderProps {
  me: FragmentType<typeof AppHeader_me> | null;
  signedIn: boolean;
  onSignOut: () => void;
}

/**
 * nhsuk-frontend closes the phone "More" menu on Escape but leaves focus in the list it hides:
 * put it back on the menu's button, as a disclosure should.
 */
function useEscapeReturnsToMenuButton() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const focused = document.activeElement;
      const menu = focused?.closest('.nhsuk-header__menu');
      if (!menu) return;
      menu.querySelector<HTMLButtonElement>('.nhsuk-header__menu-toggle')?.focus();
    };
    // capture, registered before the header's own: focus moves while the list is still shown
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);
}

export function AppHeader({ me: meRef, signedIn, onSignOut }: AppHeaderProps) {
  const me = getFragmentData(AppHeader_me, meRef);
  const { pathname } = useLocation();
  useEscapeReturnsToMenuButton();
  const signOut = (event: FormEvent) => {
    event.preventDefault();
    onSignOut();
  };

  const items =
    signedIn && me ? NAV_ITEMS.filter((item) => !item.adminOnly || me.isCommsAdmin) : [];

  // nhsuk-frontend's header script moves navigation items into its "More" menu itself, so a
  // change to the set of items mounts a fresh header rather than patching one it has rearranged
  const navKey = items.map((item) => item.to).join(' ');

  return (
    <Header key={navKey} service={{ text: 'Staff Voices', href: '/' }}>
      <Header.Account aria-label="Your account">
        {signedIn ? (
          <>
            <Header.AccountItem icon href="/me" asElement={Link} to="/me">
              <span className="app-header__name" dir="auto">
                {me?.displayName ?? 'Signed in'}
              </span>
            </Header.AccountItem>
            {me?.isCommsAdmin ? (
              <Header.AccountItem>
                <span className="app-header__role">Communications team</span>
              </Header.AccountItem>
            ) : null}
            <Header.AccountItem formProps={{ onSubmit: signOut }} type="submit">
              Sign out
            </Header.AccountItem>
          </>
        ) : (
          <Header.AccountItem href="/sign-in" asElement={Link} to="/sign-in">
            Sign in
          </Header.AccountItem>
        )}
      </Header.Account>
      {items.length > 0 ? (
        <Header.Navigation aria-label="Menu">
          {items.map((item) => {
            // "Following" is the signed-in person's own following page
            const to = item.to === '/following' && me ? `/people/${me.id}/following` : item.to;
            const current = pathname === to;
            const active = !current && pathname.startsWith(`${to}/`);
            return (
              <Header.NavigationItem
                key={item.to}
                asElement={Link}
                to={to}
                current={current}
                active={active}
              >
                {item.label}
              </Header.NavigationItem>
            );
          })}
        </Header.Navigation>
      ) : null}
    </Header>
  );
}
