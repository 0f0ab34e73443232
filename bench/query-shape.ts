import { createTestApp } from '../test/support/create-test-app';
import {
  aliasesInFragment,
  costlyPages,
  doublingFragments,
  fragmentChain,
  fragmentCycle,
  manyNodes,
  repeatedFields,
} from '../test/support/abusive-documents';

/**
 * `npx ts-node --transpile-only bench/query-shape.ts`: sends each abusive document of issue 9
 * (no sign-in) to the real app over HTTP and prints how long the answer took, its status and
 * code, and how long a `/health` request sent at the same moment waited.
 */
async function main() {
  const t = await createTestApp({ LOG_LEVEL: 'silent' }, { listen: true });
  const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const documents: [string, string][] = [
    ['baseline: { __typename }', '{ __typename }'],
    ['doubling fragments 2^18 (19 fragments)', doublingFragments(18)],
    ['doubling fragments 2^24 (1.3 KB)', doublingFragments(24)],
    ['doubling fragments 2^26', doublingFragments(26)],
    ['5,000 aliases in one fragment', aliasesInFragment(5000)],
    ['13,002 nodes', manyNodes(13_000)],
    ['fragment cycle', fragmentCycle()],
    ['chain of 3,000 fragments', fragmentChain(3000)],
    ['`me { id }` x 400 (quadratic validation)', repeatedFields(400)],
    ['nested pages 100x100x100', costlyPages()],
  ];
  const post = (query: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
  await post('{ __typename }'); // warm up
  for (const [name, query] of documents) {
    const times: number[] = [];
    let status = 0;
    let code = '';
    let health = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const answer = post(`${query}\n# ${i}`); // a new text each time: no cached document
      const probe = probeHealth(base, answer);
      const res = await answer;
      const body = (await res.json().catch(() => ({}))) as {
        errors?: { extensions?: { code?: string } }[];
      };
      times.push(performance.now() - started);
      health = Math.max(health, await probe);
      status = res.status;
      code = body.errors?.[0]?.extensions?.code ?? (body.errors ? '?' : 'ran');
    }
    times.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(44)} ${(query.length / 1024).toFixed(1).padStart(6)} KB  median ${times[2].toFixed(1).padStart(8)} ms  max ${times[4].toFixed(1).padStart(8)} ms  ${status} ${code}  /health waited ≤ ${health.toFixed(1)} ms`,
    );
  }
  await t.close();
}

/** The longest a `/health` request waited while `work` was being answered (one every 5 ms). */
async function probeHealth(base: string, work: Promise<unknown>): Promise<number> {
  let done = false;
  void work.finally(() => (done = true));
  let longest = 0;
  while (!done) {
    const sent = performance.now();
    await fetch(`${base}/health`);
    longest = Math.max(longest, performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return longest;
}

void main();
