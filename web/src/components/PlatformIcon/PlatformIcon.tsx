import type { Platform } from '../../gql/graphql';

// Plain marks in each platform's colour (dark enough for white text); decorative beside the name.
const MARKS: Record<Platform, { colour: string; text?: string }> = {
  X: { colour: '#000000', text: 'X' },
  LINKEDIN: { colour: '#0a66c2', text: 'in' },
  FACEBOOK: { colour: '#1459c7', text: 'f' },
  INSTAGRAM: { colour: '#b1306f', text: 'IG' },
  MASTODON: { colour: '#563acc', text: 'M' },
  BLUESKY: { colour: '#0560c8', text: 'B' },
  THREADS: { colour: '#000000', text: '@' },
  TIKTOK: { colour: '#000000', text: 'TT' },
  YOUTUBE: { colour: '#c00000' },
  WEBSITE: { colour: '#005eb8', text: 'www' },
};

export function PlatformIcon({ platform }: { platform: Platform }) {
  const mark = MARKS[platform];
  const text = mark.text ?? '';
  return (
    <svg
      className="app-platform-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="24" height="24" rx="5" fill={mark.colour} />
      {platform === 'YOUTUBE' ? (
        <path d="M9 7l8 5-8 5z" fill="#ffffff" />
      ) : (
        <text
          x="12"
          y="16.5"
          textAnchor="middle"
          fill="#ffffff"
          fontFamily="arial, sans-serif"
          fontWeight="700"
          fontSize={text.length > 2 ? 8 : text.length > 1 ? 11 : 14}
        >
          {text}
        </text>
      )}
    </svg>
  );
}
