import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';

// a web address (ending before trailing punctuation) or a #hashtag
const PIECES = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'’])|(#[\p{L}\p{N}_]{2,})/gu;

/**
 * Text someone wrote, shown as text (never as HTML), with its web addresses as links and its
 * hashtags leading to a directory search. Line breaks are kept; `dir="auto"` lets right-to-left
 * writing read right.
 */
export function LinkedText({ text, className = 'app-bio' }: { text: string; className?: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PIECES)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    const [piece, url, hashtag] = match;
    if (url) {
      parts.push(
        <a key={index} href={url} rel="nofollow ugc noopener noreferrer">
          {url}
        </a>,
      );
    } else if (hashtag) {
      parts.push(
        <Link key={index} to={`/directory?q=${encodeURIComponent(hashtag.slice(1))}`}>
          {hashtag}
        </Link>,
      );
    } else {
      parts.push(piece);
    }
    last = index + piece.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <p className={className} dir="auto">
      {parts.map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </p>
  );
}
