import { randomBytes, randomUUID } from 'node:crypto';
import { PersonalData } from '../src/database/personal-data';
import { DevTokenService } from '../src/identity/dev/dev-token.service';
import { PrivacyService } from '../src/privacy/privacy.service';
import { Platform } from '../src/social-accounts/platforms/platform';
import { SocialAccount } from '../src/social-accounts/social-account.entity';
import { StaffMember } from '../src/staff/staff-member.entity';
import { findAnywhere, sqliteShadowOf, tablesInDatabase } from './support/catalogue';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const ERASE = `mutation ($input: EraseMyDataInput!) { eraseMyData(input: $input) { erased } }`;
const PERSON = `query ($id: ID!) { staffMember(id: $id) { id displayName followerCount followingCount } }`;
const COMMUNITY = `query ($id: ID) { community(id: $id) { id memberCount } }`;
const SEARCH = `query ($search: String) { staff(first: 20, filter: { search: $search }) { totalCount edges { node { id } } } }`;
const ME = `query { me { id displayName jobTitle } }`;
const ADD_ACCOUNT = `mutation ($input: AddSocialAccountInput!) { addSocialAccount(input: $input) { account { id handle } } }`;

const OPT_IN = `mutation ($on: Boolean!) { updateMyProfile(input: { showOnLeaderboard: $on }) { staffMember { showOnLeaderboard } } }`;
const REQUEST = `mutation ($input: RequestVerificationInput!) { requestVerification(input: $input) { request { id } } }`;
const REPORT = `mutation ($input: ReportListingInput!) { reportListing(input: $input) { report { id } } }`;
const AUDIT = `query ($actorId: ID) { auditLog(first: 100, filter: { actorId: $actorId }) { edges { node { action actor { id } actorReference } } } }`;

const DAY = 24 * 60 * 60 * 1000;
const hex = () => randomBytes(4).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('privacy: export and erasure', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp({ LEAVER_RETENTION_DAYS: '90' });
    world = new World(t);
  });
  afterAll(() => t.close());

  /** Someone with something in every feature: provisioned by SCIM, then signed in. */
  async function aFullLife() {
    const tag = hex();
    const given = `Zephyrine${tag}`;
    const family = `Quillfeather${tag}`;
    const email = `zq.${tag}@example.nhs.uk`;
    const oid = randomUUID();
    const provisioned = await world.newProvisioned({
      // Entra sends the oid as externalId: the only link a first sign-in trusts
      externalId: oid,
      userName: email,
      displayName: `${given} ${family}`,
      name: { givenName: given, familyName: family },
      emails: [{ value: email, type: 'work', primary: true }],
    });
    const token = t.app.get(DevTokenService).issue({
      objectId: oid,
      displayName: `${given} ${family}`,
      userName: email,
      isCommsAdmin: false,
    }).accessToken;
    const signedIn = await t.gql(ME, {}, { token });
    expect(signedIn.errors).toBeUndefined();
    const person = await world.reload(provisioned);
    expect(person.objectId).toBe(oid);

    const handles = [`zqx${tag}`, `zqm${tag}`];
    await world.newAccount(person, { platform: Platform.X, handle: `@${handles[0]}` });
    await world.newAccount(person, {
      platform: Platform.MASTODON,
      handle: `@${handles[1]}@mastodon.social`,
    });
    const friend = await world.newPerson();
    const fan = await world.newPerson();
    await world.follow(person, friend);
    await world.follow(fan, person);
    const community = await world.newCommunity();
    await world.join(person, community);
    await world.join(friend, community);
    await world.makeLeader(person, 'Director of Nursing', `I am ${given}`);
    const needles = [given, family, email, oid, ...handles, `${given} ${family}`];
    return { person, token, oid, email, given, family, handles, friend, fan, community, needles };
  }

  /**
   * A full life, and more: figures, a campaign, a leaderboard place, a verification request,
   * a report they made and audit entries by and about them.
   */
  async function aFullerLife() {
    const life = await aFullLife();
    const { person, token } = life;
    const [account] = await t.dataSource.manager.findBy(SocialAccount, { staffId: person.id });
    await world.newSnapshot(account, { followers: 321, posts: 12, engagements: 40 });
    const today = new Date().toISOString().slice(0, 10);
    const inAWeek = new Date(Date.now() + 6 * DAY).toISOString().slice(0, 10);
    const campaign = await world.newCampaignOnDates({ startsOn: today, endsOn: inAWeek }, [person]);
    const optIn = await t.gql(OPT_IN, { on: true }, { token });
    expect(optIn.errors).toBeUndefined();
    await world.claimOrganisation(person, await world.newOrganisation());
    await world.confirmClaimOf(person);
    const asked = await t.gql(REQUEST, { input: { accountId: String(account.id) } }, { token });
    expect(asked.errors).toBeUndefined();
    const stranger = await world.newPerson();
    const strangersAccount = await world.newAccount(stranger);
    const report = await t.gql(
      REPORT,
      {
        input: {
          accountId: String(strangersAccount.id),
          kind: 'IMPERSONATION',
          reason: `Reported by ${life.given}`,
        },
      },
      { token },
    );
    expect(report.errors).toBeUndefined();
    return { ...life, campaign };
  }

  const rowsAbout = async (table: string, column: string, id: number) =>
    Number(
      (
        await t.dataSource.query(
          `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ${Number(id)}`,
        )
      )[0].n,
    );

  describe('GET /api/me/export', () => {
    it('is everything held about me, as a file not to be cached', async () => {
      const life = await aFullLife();
      const res = await t
        .http()
        .get('/api/me/export')
        .set('Authorization', `Bearer ${life.token}`)
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="staff-voices-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(res.headers['cache-control']).toBe('no-store');
      const data = JSON.parse(res.text);
      expect(data).toMatchObject({
        format: 'staff-voices-personal-data/1',
        profile: {
          id: life.person.id,
          displayName: `${life.given} ${life.family}`,
          userName: life.email,
          objectId: life.oid,
        },
        provisioning: { givenName: life.given, familyName: life.family },
        follows: {
          following: [{ staffId: life.friend.id }],
          followers: [{ staffId: life.fan.id }],
          counts: { followers: 1, following: 1 },
        },
        communities: [{ communityId: life.community.id, role: 'MEMBER' }],
        leader: { title: 'Director of Nursing' },
        guidance: { accepted: [], published: [] },
      });
      expect(data.socialAccounts.map((a: { handle: string }) => a.handle).sort()).toEqual(
        [`@${life.handles[0]}`, `@${life.handles[1]}@mastodon.social`].sort(),
      );
      expect(data.profile).not.toHaveProperty('searchText');
    });

    it('has a section for every feature that registered one', async () => {
      const me = await world.newPerson();
      const res = await t
        .http()
        .get('/api/me/export')
        .set('Authorization', `Bearer ${t.tokenFor(me)}`)
        .expect(200);
      const sections = (
        t.app.get(PersonalData) as unknown as { holders: { section?: string }[] }
      ).holders.flatMap((h) => (h.section ? [h.section] : []));
      expect(sections.length).toBeGreaterThanOrEqual(7);
      for (const section of sections) expect(JSON.parse(res.text)).toHaveProperty(section);
    });

    it('needs a sign-in', async () => {
      await t.http().get('/api/me/export').expect(401);
    });
  });

  describe('eraseMyData', () => {
    it.each([['erase'], ['ERASE '], [''], ['yes'], ['DELETE']])(
      'refuses confirm %j, naming the field, and erases nothing',
      async (confirm) => {
        const me = await world.newPerson();
        await world.newAccount(me);
        const res = await t.gql(ERASE, { input: { confirm } }, me);
        expect(res.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'ERASE_NOT_CONFIRMED',
          field: 'confirm',
        });
        expect((await t.gql(ME, {}, me)).data?.me.id).toBe(String(me.id));
        expect(
          await t.app
            .get(PrivacyService)
            .exportFor(me.id)
            .then((d) => d.socialAccounts),
        ).toHaveLength(1);
      },
    );

    it('leaves nothing about me in any table, on either side of every link', async () => {
      const life = await aFullerLife();
      const id = life.person.id;
      for (const [table, column] of [
        ['metric_snapshots', 'staff_id'],
        ['campaign_participants', 'staff_id'],
        ['leaderboard_entries', 'staff_id'],
        ['leaderboard_scores', 'staff_id'],
        ['verification_requests', 'staff_id'],
        ['listing_reports', 'reporter_id'],
        ['organisation_claims', 'staff_id'],
        ['audit_log', 'actor_id'],
      ]) {
        expect([table, await rowsAbout(table, column, id)]).not.toEqual([table, 0]);
      }
      const auditBefore = await rowsAbout('audit_log', 'actor_id', id);
      const boardsOf = async () =>
        (await t.dataSource.query(
          `SELECT c.board AS board, SUM(c.entries) AS total FROM leaderboard_score_counts c
           WHERE c.board IN (SELECT e.board FROM leaderboard_entries e WHERE e.staff_id = ${Number(id)})
           GROUP BY c.board`,
        )) as { board: string; total: number | string }[];
      const myBoards = await boardsOf();
      expect(myBoards.length).toBeGreaterThan(0);
      expect(myBoards.some((b) => b.board.includes(`C:${life.campaign.id}`))).toBe(true);
      // before: each needle is somewhere (the search below can see it)
      const before = await findAnywhere(t, life.needles);
      expect(new Set(before.map((h) => h.needle.toLowerCase()))).toEqual(
        new Set(life.needles.map((n) => n.toLowerCase())),
      );

      const res = await t.gql(ERASE, { input: { confirm: 'ERASE' } }, { token: life.token });
      expect(res).toEqual({ data: { eraseMyData: { erased: true } } });

      // every table, the search index's segment blobs (staff_search_data) included
      expect(await findAnywhere(t, life.needles)).toEqual([]);

      for (const [table, column] of [
        ['metric_snapshots', 'staff_id'],
        ['campaign_participants', 'staff_id'],
        ['leaderboard_entries', 'staff_id'],
        ['leaderboard_scores', 'staff_id'],
        ['badges', 'staff_id'],
        ['verification_requests', 'staff_id'],
        ['listing_reports', 'reporter_id'],
        ['organisation_claims', 'staff_id'],
      ]) {
        expect([table, await rowsAbout(table, column, id)]).toEqual([table, 0]);
      }
      // the audit log is untouched; the erased id now stands for an anonymous reference
      expect(await rowsAbout('audit_log', 'actor_id', id)).toBe(auditBefore);
      const log = await t.gql(AUDIT, { actorId: String(id) }, await world.newNationalAdmin());
      expect(log.errors).toBeUndefined();
      const mine = log
        .data!.auditLog.edges.map(
          (e: { node: { actor: unknown; actorReference: string | null } }) => e.node,
        )
        .filter((n: { actorReference: string | null }) => n.actorReference !== null);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((n: { actor: unknown }) => n.actor === null)).toBe(true);
      expect(new Set(mine.map((n: { actorReference: string }) => n.actorReference)).size).toBe(1);
      // every board I was on (the campaign's among them) counts one fewer
      for (const { board, total } of myBoards) {
        const [after] = await t.dataSource.query(
          `SELECT SUM(entries) AS total FROM leaderboard_score_counts WHERE board = '${board.replace(/'/g, "''")}'`,
        );
        expect([board, Number(after?.total ?? 0)]).toEqual([board, Number(total) - 1]);
      }
    });

    it('keeps the counts my follows and memberships fed right, and frees my handles', async () => {
      const life = await aFullLife();
      const { token } = life;
      await t.gql(ERASE, { input: { confirm: 'ERASE' } }, { token });

      const friend = await t.gql(PERSON, { id: String(life.friend.id) }, life.friend);
      expect(friend.data?.staffMember).toMatchObject({ followerCount: 0, followingCount: 0 });
      const fan = await t.gql(PERSON, { id: String(life.fan.id) }, life.fan);
      expect(fan.data?.staffMember).toMatchObject({ followerCount: 0, followingCount: 0 });
      const community = await t.gql(COMMUNITY, { id: String(life.community.id) }, life.friend);
      expect(community.data?.community.memberCount).toBe(1);

      const other = await world.newPerson();
      const taken = await t.gql(
        ADD_ACCOUNT,
        {
          input: {
            platform: 'X',
            handle: `@${life.handles[0]}`,
            purpose: 'PROFESSIONAL',
            visibility: 'NHS_DIRECTORY',
          },
        },
        other,
      );
      expect(taken.errors).toBeUndefined();
    });

    it('takes me out of the directory and my profile page at once', async () => {
      const life = await aFullLife();
      const viewer = await world.newPerson();
      expect((await t.gql(SEARCH, { search: life.family }, viewer)).data?.staff.totalCount).toBe(1);
      await t.gql(ERASE, { input: { confirm: 'ERASE' } }, { token: life.token });
      expect((await t.gql(SEARCH, { search: life.family }, viewer)).data?.staff.totalCount).toBe(0);
      const profile = await t.gql(PERSON, { id: String(life.person.id) }, viewer);
      expect(profile.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('does not let the token that erased me bring my old record back; a new sign-in starts empty', async () => {
      const life = await aFullLife();
      await t.gql(ERASE, { input: { confirm: 'ERASE' } }, { token: life.token });

      const again = await t.gql(ME, {}, { token: life.token });
      expect(again.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'ACCOUNT_ERASED',
      });
      const exported = await t
        .http()
        .get('/api/me/export')
        .set('Authorization', `Bearer ${life.token}`);
      expect(exported.status).toBe(401);
      expect(await findAnywhere(t, [life.oid])).toEqual([]);

      await sleep(1100); // a token issued after the erasure (iat has whole seconds)
      const fresh = t.app.get(DevTokenService).issue({
        objectId: life.oid,
        displayName: `${life.given} ${life.family}`,
        userName: life.email,
        isCommsAdmin: false,
      }).accessToken;
      const me = await t.gql(ME, {}, { token: fresh });
      expect(me.errors).toBeUndefined();
      expect(me.data?.me.id).not.toBe(String(life.person.id));
      expect(me.data?.me.jobTitle).toBeNull();
      const data = await t.app.get(PrivacyService).exportFor(Number(me.data?.me.id));
      expect(data).toMatchObject({ socialAccounts: [], communities: [], leader: null });
    });

    it('rolls everything back when one holder fails', async () => {
      const life = await aFullLife();
      const registry = t.app.get(PersonalData);
      const failing = {
        owner: 'test failure',
        tables: [`no_such_table_${hex()}`],
        erase: async () => {
          throw new Error('boom');
        },
      };
      registry.register(failing);
      try {
        await expect(
          t.app.get(PrivacyService).erase(life.person.id, 'request', new Date()),
        ).rejects.toThrow('boom');
      } finally {
        const holders = (registry as unknown as { holders: unknown[] }).holders;
        holders.splice(holders.indexOf(failing), 1);
      }
      const still = await t.app.get(PrivacyService).exportFor(life.person.id);
      expect(still).toMatchObject({
        profile: { id: life.person.id },
        follows: { counts: { followers: 1, following: 1 } },
      });
      expect(still.socialAccounts).toHaveLength(2);
    });
  });

  describe('leavers', () => {
    it('are hidden at once and erased once LEAVER_RETENTION_DAYS have passed', async () => {
      const leaver = await world.newLeaver();
      const stayer = await world.newPerson();
      const viewer = await world.newPerson();
      const hidden = await t.gql(PERSON, { id: String(leaver.id) }, viewer);
      expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(leaver.deactivatedAt).toBeInstanceOf(Date);

      const privacy = t.app.get(PrivacyService);
      await privacy.sweep(new Date(Date.now() + 89 * DAY));
      expect(await world.reload(leaver)).toBeDefined();

      const swept = await privacy.sweep(new Date(Date.now() + 91 * DAY));
      expect(swept.leaversErased).toBeGreaterThanOrEqual(1);
      expect(await world.reload(leaver)).toBeUndefined();
      expect(await world.reload(stayer)).toBeDefined();
      expect(
        await findAnywhere(t, [leaver.displayName, leaver.userName!, leaver.objectId!]),
      ).toEqual([]);
    });

    it('count from the first deactivation, however often provisioning repeats it', async () => {
      const leaver = await world.newLeaver();
      const first = leaver.deactivatedAt!.getTime();
      await sleep(20);
      const again = await world.leave(leaver);
      expect(again.deactivatedAt!.getTime()).toBe(first);
    });

    it('come back with a clean clock when reactivated', async () => {
      const leaver = await world.newLeaver();
      const back = await world.update(leaver, { active: true });
      expect(back.deactivatedAt).toBeNull();
      await t.app.get(PrivacyService).sweep(new Date(Date.now() + 365 * DAY));
      expect(await world.reload(leaver)).toBeDefined();
    });

    it('the sweep forgets erased identities once no token from before can be alive', async () => {
      const me = await world.newPerson();
      await t.gql(ERASE, { input: { confirm: 'ERASE' } }, me);
      const { housekeeping } = await t.app
        .get(PrivacyService)
        .sweep(new Date(Date.now() + 3 * DAY));
      expect(housekeeping).toBeGreaterThanOrEqual(1);
    });
  });

  describe('the registry', () => {
    it('accounts for every table in the database', async () => {
      const accounted = t.app.get(PersonalData).tables();
      const tables = (await tablesInDatabase(t)).map((x) => x.table);
      const unaccounted = tables.filter(
        (table) => !accounted.has(table) && !accounted.has(sqliteShadowOf(table, tables) ?? ''),
      );
      expect(unaccounted).toEqual([]);
    });
  });
});

// keep the type import used
export type _Person = StaffMember;
