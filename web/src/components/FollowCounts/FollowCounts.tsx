import { Link } from 'react-router';

/** "187 followers · 5 following", each to its list. */
export function FollowCounts({
  staffId,
  followerCount,
  followingCount,
}: {
  staffId: string;
  followerCount: number;
  followingCount: number;
}) {
  return (
    <p className="app-follow-counts">
      <Link to={`/people/${staffId}/followers`}>
        <strong>{followerCount.toLocaleString('en-GB')}</strong>{' '}
        {followerCount === 1 ? 'follower' : 'followers'}
      </Link>
      <Link to={`/people/${staffId}/following`}>
        <strong>{followingCount.toLocaleString('en-GB')}</strong> following
      </Link>
    </p>
  );
}
