import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WEB_SOURCE = join(__dirname, '..', '..', 'web', 'src');
const DOCUMENT = /graphql\(`([\s\S]*?)`\)/g;
const DEFINITION = /^\s*(query|mutation|fragment)\s+(\w+)/;

/** Every GraphQL document the web client declares (`graphql(\`…\`)`), by operation or fragment name. */
function webDocuments(): Map<string, string> {
  const documents = new Map<string, string>();
  const files = readdirSync(WEB_SOURCE, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.tsx?$/.test(file) && !file.startsWith('gql'),
  );
  for (const file of files) {
    for (const [, text] of readFileSync(join(WEB_SOURCE, file), 'utf8').matchAll(DOCUMENT)) {
      const name = DEFINITION.exec(text)?.[2];
      if (name) documents.set(name, text.trim());
    }
  }
  return documents;
}

/**
 * The operation the web client sends for `name`, with every fragment it spreads: the same text
 * its generated client posts, so tests and benchmarks measure what the page really asks.
 */
export function webOperation(name: string): string {
  const documents = webDocuments();
  const operation = documents.get(name);
  if (!operation) throw new Error(`The web client declares no operation ${name}`);
  const included = new Set<string>();
  const pending = [operation];
  const parts = [operation];
  while (pending.length > 0) {
    for (const [, fragment] of pending.pop()!.matchAll(/\.\.\.(\w+)/g)) {
      if (included.has(fragment)) continue;
      const text = documents.get(fragment);
      if (!text) throw new Error(`The web client declares no fragment ${fragment}`);
      included.add(fragment);
      parts.push(text);
      pending.push(text);
    }
  }
  return parts.join('\n');
}
