// Dark enough for white initials (WCAG AA), picked by the person's id so it stays the same.
const COLOURS = ['#005eb8', '#330072', '#007f3b', '#7c2855', '#00564b', '#425563', '#8a1538'];

/** Up to two initials, skipping titles such as "Dr": "Dr Amara Okafor" → "AO". */
export function initialsOf(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((word) => word && !/^(dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame)\.?$/i.test(word));
  const letters = [words[0], words.length > 1 ? words[words.length - 1] : undefined]
    .filter((word): word is string => !!word)
    .map((word) => [...word][0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

/** A person's initials in a coloured circle; decorative, as their name is always beside it. */
export function Avatar({
  id,
  name,
  size = 'm',
}: {
  id: string;
  name: string;
  size?: 's' | 'm' | 'l';
}) {
  const colour = COLOURS[Number(id) % COLOURS.length] ?? COLOURS[0];
  return (
    <span
      className={`app-avatar app-avatar--${size}`}
      style={{ backgroundColor: colour }}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
