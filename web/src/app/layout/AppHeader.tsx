import { Header } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
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
  { to: '/following', label: 'Following' },
  { to: '/me', label: 'My profile' },
  { to: '/admin', label: 'Admin', adminOnly: true },
];

interface AppHeaderProps {
  me: FragmentType<typeof AppHeader_me> | null;
  signedIn: boolean;
  onSignOut: () => void;
}

export function AppHeader({ me: meRef, signedIn, onSignOut }: AppHeaderProps) {
  const me = getFragmentData(AppHeader_me, meRef);
  const { pathname } = useLocation();
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
            <Header.AccountItem icon>
              <span className="app-header__person">
                <span className="app-header__name">{me?.displayName ?? 'Signed in'}</span>
                {me?.isCommsAdmin ? (
                  <span className="app-header__role">Communications team</span>
                ) : null}
              </span>
            </Header.AccountItem>
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
