import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Every reason a feature declares (its `*.errors.ts` enums, and the common ones) is documented
// for the clients that switch on it.
const documented = readFileSync(join(__dirname, '..', 'docs', 'errors.md'), 'utf8');

const files = [
  join(__dirname, 'common', 'errors', 'domain-error.ts'),
  ...readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.errors.ts'))
    .map((file) => join(__dirname, file)),
];
const reasons = files.flatMap((file) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the files are found at run time
  Object.entries(require(file) as Record<string, unknown>)
    .filter(([name]) => name.endsWith('ErrorReason'))
    .flatMap(([, reasonEnum]) => Object.values(reasonEnum as Record<string, string>)),
);

describe('error reasons', () => {
  it('are found', () => expect(reasons.length).toBeGreaterThan(20));

  it.each(reasons)('%s is listed in docs/errors.md', (reason) => {
    expect(documented).toContain(`| \`${reason}\` |`);
  });

  it('are unique across features', () => {
    expect(new Set(reasons).size).toBe(reasons.length);
  });
});
