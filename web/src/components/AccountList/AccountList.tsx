import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { PlatformIcon } from '../PlatformIcon/PlatformIcon';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import {
  PLATFORM_LABELS,
  PURPOSE_LABELS,
  VERIFICATION_LABELS,
  VISIBILITY_LABELS,
} from '../../app/labels/labels';

export const AccountList_accounts = graphql(`
  fragment AccountList_accounts on SocialAccount {
    id
    platform
    handle
    url
    followUrl
    purpose
    visibility
    verificationStatus
  }
`);

interface AccountListProps {
  accounts: FragmentType<typeof AccountList_accounts>[];
  /** Shown instead of the list when there are no accounts. */
  emptyText: string;
  /** Show who can see each account (only useful to the owner). */
  showVisibility?: boolean;
  /** The owner's own list: each account gets a "Change" link. */
  editable?: boolean;
  /** Someone else's list: each account gets a link to follow it on its platform. */
  followLinks?: boolean;
}

/**
 * A person's social media accounts: the platform, the handle (to the profile there), what it is
 * for, and one action. On a phone the action drops below rather than squeezing the handle.
 */
export function AccountList({
  accounts: refs,
  emptyText,
  showVisibility,
  editable,
  followLinks,
}: AccountListProps) {
  const accounts = getFragmentData(AccountList_accounts, refs);
  if (accounts.length === 0) return <p className="app-empty">{emptyText}</p>;
  return (
    <ul className="app-account-list">
      {accounts.map((account) => (
        <li className="app-account-list__item" key={account.id}>
          <PlatformIcon platform={account.platform} />
          <div className="app-account-list__main">
            <span className="app-account-list__platform">{PLATFORM_LABELS[account.platform]}</span>
            <a className="app-account-list__handle" href={account.url} rel="noopener noreferrer">
              {account.handle}
              <span className="nhsuk-u-visually-hidden">
                {' '}
                on {PLATFORM_LABELS[account.platform]}
              </span>
            </a>
            <span className="app-account-list__meta">
              {PURPOSE_LABELS[account.purpose]}
              {showVisibility ? ` · Visible to: ${VISIBILITY_LABELS[account.visibility]}` : null}
              {account.verificationStatus === 'VERIFIED' ? (
                <>
                  {' '}
                  <Tag modifier="green">{VERIFICATION_LABELS.VERIFIED}</Tag>
                </>
              ) : null}
            </span>
          </div>
          {editable ? (
            <Link className="app-account-list__action" to={`/me/accounts/${account.id}`}>
              Change
              <span className="nhsuk-u-visually-hidden">
                {' '}
                {PLATFORM_LABELS[account.platform]} account {account.handle}
              </span>
            </Link>
          ) : followLinks ? (
            <a
              className="app-account-list__action"
              href={account.followUrl}
              rel="noopener noreferrer"
            >
              Follow
              <span className="nhsuk-u-visually-hidden"> {account.handle}</span> on{' '}
              {PLATFORM_LABELS[account.platform]}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
