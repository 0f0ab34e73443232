import type Database from 'better-sqlite3';

/**
 * Single requests whose cost grew with the data (issue 14): each is sent alone, three times,
 * while `/health` is polled every 20 ms from the same machine. Reported: the request's time (the
 * slowest of three), the slowest `/health` answer meanwhile, and the server's longest event-loop
 * block over those seconds (`/health/event-loop?since=`). With reads in worker threads the first
 * may be long but the other two stay small; on the main thread all three are the same.
 */
export interface SlowRequestFigures {
  name: string;
  requestMs: number;
  status: string;
  healthMaxMs: number;
  loopMaxMs: number;
}

interface SlowRequest {
  name: string;
  path: string;
  body?: unknown;
}

// the fields the directory page asks for its count and its capped-search message
const STAFF_PAGE = `query($filter: StaffFilter, $sort: DirectorySort) {
  staff(first: 20, filter: $filter, sort: $sort) {
    totalCount totalCountCapped searchLimited pageInfo { hasNextPage endCursor }
    edges { node { id displayName } } } }`;

const page = (name: string, filter: Record<string, unknown>, sort?: string): SlowRequest => ({
  name,
  path: '/graphql',
  body: { query: STAFF_PAGE, variables: { filter, sort } },
});

export function slowRequests(db: Database.Database): SlowRequest[] {
  const community = db
    .prepare(`SELECT id FROM communities ORDER BY member_count DESC, id LIMIT 1`)
    .get() as { id: number } | undefined;
  const smallest = db
    .prepare(`SELECT id FROM communities ORDER BY member_count, id LIMIT 1`)
    .get() as { id: number } | undefined;
  const organisation = db
    .prepare(`SELECT organisation_id AS id FROM staff_members WHERE id = 1`)
    .get() as { id: number } | undefined;
  return [
    page('staff(filter: {platform: TIKTOK})', { platform: 'TIKTOK' }),
    page('staff(filter: {verifiedOnly, platform: TIKTOK})', {
      verifiedOnly: true,
      platform: 'TIKTOK',
    }),
    page('search of eight single letters', { search: 'a e i o u s t n' }),
    page('staff(filter: {platform: YOUTUBE, staffGroup: STUDENTS})', {
      platform: 'YOUTUBE',
      staffGroup: 'STUDENTS',
    }),
    page('search of eight single letters (a b c d e f g h)', { search: 'a b c d e f g h' }),
    page('search of two single letters in one organisation', {
      search: 'q z',
      organisationId: String(organisation?.id ?? 1),
    }),
    page('staff(filter: {communityId: the smallest community})', {
      communityId: String(smallest?.id ?? 1),
    }),
    page(
      'search "nurse" by name, platform TIKTOK',
      { search: 'nurse', platform: 'TIKTOK' },
      'NAME',
    ),
    page(
      'search "nurse" by name, in the largest community',
      { search: 'nurse', communityId: String(community?.id ?? 1) },
      'NAME',
    ),
    {
      // the query the follow pack page sends: its first page of people
      name: "the largest community's follow pack (its first page of people to tick)",
      path: '/graphql',
      body: {
        query: `query($id: ID) { followPack(source: COMMUNITY, id: $id) {
          title mastodonCsvPath
          people { pageInfo { hasNextPage endCursor }
            edges { node { person { id displayName jobTitle } accounts { id platform } } } }
          platforms { platform accounts { id handle url followUrl } } } }`,
        variables: { id: String(community?.id ?? 1) },
      },
    },
    {
      name: "the largest community's Mastodon CSV",
      path: `/api/follow-packs/mastodon.csv?source=COMMUNITY&id=${community?.id ?? 1}`,
    },
  ];
}

export async function measureSlowRequests(
  port: number,
  token: string,
  requests: SlowRequest[],
): Promise<SlowRequestFigures[]> {
  const base = `http://127.0.0.1:${port}`;
  const figures: SlowRequestFigures[] = [];
  for (const slow of requests) {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a second of its own
    const since = Date.now();
    let polling = true;
    let healthMaxMs = 0;
    const poll = (async () => {
      while (polling) {
        const started = performance.now();
        // a fresh connection each time: a kept-alive one may be closed under a long block
        await fetch(`${base}/health`, { headers: { connection: 'close' } }).then(
          (res) => res.text(),
          () => 'failed',
        );
        healthMaxMs = Math.max(healthMaxMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    let requestMs = 0;
    let status = '';
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      try {
        const res = await fetch(`${base}${slow.path}`, {
          method: slow.body ? 'POST' : 'GET',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: slow.body ? JSON.stringify(slow.body) : undefined,
        });
        const text = await res.text();
        const reason = /"reason":"([A-Z_]+)"/.exec(text)?.[1];
        const limited = /"searchLimited":true/.test(text) ? ' limited' : '';
        status = `${res.status}${reason ? ` ${reason}` : ''}${limited}`;
      } catch (error) {
        status = `failed: ${(error as Error & { cause?: Error }).cause?.message ?? error}`;
      }
      requestMs = Math.max(requestMs, performance.now() - started);
    }
    polling = false;
    await poll;
    const loop = (await (await fetch(`${base}/health/event-loop?since=${since}`)).json()) as {
      maxMs: number;
    };
    const round = (value: number) => Math.round(value * 10) / 10;
    figures.push({
      name: slow.name,
      requestMs: round(requestMs),
      status,
      healthMaxMs: round(healthMaxMs),
      loopMaxMs: loop.maxMs,
    });
    console.log(
      `  ${slow.name}: ${round(requestMs)} ms (${status}), /health at most ${round(healthMaxMs)} ms, event loop held at most ${loop.maxMs} ms`,
    );
  }
  return figures;
}
