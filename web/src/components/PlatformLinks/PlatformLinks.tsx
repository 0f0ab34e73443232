import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { PLATFORM_LABELS } from '../../app/labels/labels';
import { PlatformIcon } from '../PlatformIcon/PlatformIcon';

export const PlatformLinks_accounts = graphql(`
  fragment PlatformLinks_accounts on SocialAccount {
    id
    platform
    handle
    url
    verificationStatus
  }
`);

/** A compact row of a person's accounts: icon, handle, verified tick; each opens the profile. */
export function PlatformLinks({
  accounts: refs,
}: {
  accounts: FragmentType<typeof PlatformLinks_accounts>[];
}) {
  const accounts = getFragmentData(PlatformLinks_accounts, refs);
  if (accounts.length === 0) return null;
  return (
    <ul className="app-platform-links">
      {accounts.map((account) => (
        <li key={account.id} className="app-platform-links__item">
          <a className="app-platform-links__link" href={account.url} rel="noopener noreferrer">
            <PlatformIcon platform={account.platform} />
            <span className="nhsuk-u-visually-hidden">{PLATFORM_LABELS[account.platform]}: </span>
            <span className="app-platform-links__handle">{account.handle}</span>
          </a>
          {account.verificationStatus === 'VERIFIED' ? (
            <span className="app-verified">
              <span aria-hidden="true">✓</span> Verified
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
