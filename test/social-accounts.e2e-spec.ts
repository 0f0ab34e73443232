import { TransactionRunner } from '../src/database/transaction-runner';
import { SocialAccount, VerificationStatus } from '../src/social-accounts/social-account.entity';
import { SocialAccountsService } from '../src/social-accounts/social-accounts.service';
import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const PREVIEW = `query($platform: Platform!, $input: String!) {
  socialHandlePreview(platform: $platform, input: $input) { valid handle url error }
}`;
const ADD = `mutation($input: AddSocialAccountInput!) {
  addSocialAccount(input: $input) {
    account { id platform handle url purpose visibility verificationStatus }
  }
}`;
const UPDATE = `mutation($input: UpdateSocialAccountInput!) {
  updateSocialAccount(input: $input) {
    account { id handle url purpose visibility verificationStatus }
  }
}`;
const REMOVE = `mutation($input: RemoveSocialAccountInput!) {
  removeSocialAccount(input: $input) { removedAccountId }
}`;

describe('social accounts: preview, add, update, remove', () => {
  let t: TestApp;
  let world: World;
  const count = (person: StaffMember) => t.app.get(SocialAccountsService).countForStaff(person.id);
  const accountOf = (id: string) =>
    t.dataSource.getRepository(SocialAccount).findOneByOrFail({ id: Number(id) });

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  it('previews a pasted profile link without saving anything', async () => {
    const me = await world.newPerson();
    const ok = await t.gql(
      PREVIEW,
      { platform: 'X', input: 'https://mobile.twitter.com/NHSEngland?lang=en' },
      me,
    );
    expect(ok.data!.socialHandlePreview).toEqual({
      valid: true,
      handle: '@NHSEngland',
      url: 'https://x.com/NHSEngland',
      error: null,
    });
    const bad = await t.gql(PREVIEW, { platform: 'X', input: '@this_is_far_too_long_for_x' }, me);
    expect(bad.data!.socialHandlePreview).toMatchObject({ valid: false, handle: null, url: null });
    expect(bad.data!.socialHandlePreview.error).toMatch(/15/);
    expect(await count(me)).toBe(0);
  });

  it('adds accounts pasted as profile links, in canonical form, with purpose and visibility', async () => {
    const me = await world.newPerson();
    const x = await t.gql(ADD, { input: { platform: 'X', handle: 'twitter.com/JaneOnX/' } }, me);
    expect(x.errors).toBeUndefined();
    expect(x.data!.addSocialAccount.account).toMatchObject({
      platform: 'X',
      handle: '@JaneOnX',
      url: 'https://x.com/JaneOnX',
      purpose: 'PROFESSIONAL',
      visibility: 'NHS_DIRECTORY',
      verificationStatus: 'UNVERIFIED',
    });
    const mastodon = await t.gql(
      ADD,
      {
        input: {
          platform: 'MASTODON',
          handle: 'https://mastodon.social/@janeonmasto',
          purpose: 'PERSONAL',
          visibility: 'ORGANISATION',
        },
      },
      me,
    );
    expect(mastodon.data!.addSocialAccount.account).toMatchObject({
      handle: '@janeonmasto@mastodon.social',
      purpose: 'PERSONAL',
      visibility: 'ORGANISATION',
    });
    const mine = await t.gql(`{ me { accounts { platform handle } } }`, {}, me);
    expect(mine.data!.me.accounts).toHaveLength(2);
  });

  it('refuses a handle someone else registered without saying who, even when they hide it', async () => {
    const owner = await world.newPerson({ displayName: 'Secret Owner Person' });
    await t.gql(
      ADD,
      { input: { platform: 'INSTAGRAM', handle: 'hiddengram', visibility: 'ONLY_ME' } },
      owner,
    );
    await t.gql(ADD, { input: { platform: 'INSTAGRAM', handle: 'opengram' } }, owner);
    const me = await world.newPerson();
    const hidden = await t.gql(
      ADD,
      { input: { platform: 'INSTAGRAM', handle: 'https://www.instagram.com/HiddenGram/' } },
      me,
    );
    const open = await t.gql(ADD, { input: { platform: 'INSTAGRAM', handle: '@opengram' } }, me);
    for (const res of [hidden, open]) {
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'HANDLE_TAKEN',
        field: 'handle',
      });
      expect(res.errors![0].message).toMatch(/already registered/);
      expect(res.errors![0].message).not.toMatch(/Secret|Owner|only|hidden/i);
    }
    // the same words whatever the owner chose to show
    expect(hidden.errors![0].message).toBe(open.errors![0].message);
    expect(await count(me)).toBe(0);

    const again = await t.gql(ADD, { input: { platform: 'INSTAGRAM', handle: 'opengram' } }, owner);
    expect(again.errors![0].message).toMatch(/already added/);
    // the client tells the two apart by reason, never by message
    expect(again.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'HANDLE_ALREADY_MINE',
      field: 'handle',
    });
  });

  it('lets only one of several people racing for the same handle have it', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => world.newPerson()));
    const results = await Promise.all(
      people.map((person) =>
        t.gql(ADD, { input: { platform: 'BLUESKY', handle: 'racer.bsky.social' } }, person),
      ),
    );
    expect(results.filter((res) => !res.errors)).toHaveLength(1);
    for (const res of results.filter((r) => r.errors)) {
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'HANDLE_TAKEN',
        field: 'handle',
      });
    }
  });

  it('updates purpose, visibility or the handle; a new handle starts verification again', async () => {
    const me = await world.newPerson();
    const added = await t.gql(
      ADD,
      { input: { platform: 'LINKEDIN', handle: 'linkedin.com/in/jane-update-test' } },
      me,
    );
    const id = added.data!.addSocialAccount.account.id;
    await t.app
      .get(TransactionRunner)
      .run((tx) =>
        tx.update(
          SocialAccount,
          { id: Number(id) },
          { verificationStatus: VerificationStatus.VERIFIED },
        ),
      );
    const visibility = await t.gql(
      UPDATE,
      { input: { id, visibility: 'ONLY_ME', purpose: 'PERSONAL' } },
      me,
    );
    expect(visibility.data!.updateSocialAccount.account).toMatchObject({
      visibility: 'ONLY_ME',
      purpose: 'PERSONAL',
      verificationStatus: 'VERIFIED',
    });
    const handle = await t.gql(
      UPDATE,
      { input: { id, handle: 'https://uk.linkedin.com/in/jane-updated-test/' } },
      me,
    );
    expect(handle.errors).toBeUndefined();
    expect(handle.data!.updateSocialAccount.account).toMatchObject({
      handle: expect.stringContaining('jane-updated-test'),
      verificationStatus: 'UNVERIFIED',
      visibility: 'ONLY_ME',
    });
  });

  it('never lets another person change or remove my account, and says no more than "not found"', async () => {
    const me = await world.newPerson();
    const intruder = await world.newPerson();
    const added = await t.gql(ADD, { input: { platform: 'X', handle: '@MineNotYours' } }, me);
    const id = added.data!.addSocialAccount.account.id;

    const update = await t.gql(UPDATE, { input: { id, visibility: 'ONLY_ME' } }, intruder);
    const remove = await t.gql(REMOVE, { input: { id } }, intruder);
    const missing = await t.gql(REMOVE, { input: { id: '987654321' } }, intruder);
    for (const res of [update, remove]) {
      expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(res.errors![0].message).toBe(missing.errors![0].message);
    }
    expect(await accountOf(id)).toMatchObject({
      visibility: 'NHS_DIRECTORY',
      handle: '@MineNotYours',
    });

    const mine = await t.gql(REMOVE, { input: { id } }, me);
    expect(mine.data!.removeSocialAccount).toEqual({ removedAccountId: id });
    expect(await count(me)).toBe(0);
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const me = await world.newPerson();
    const cases: [Record<string, unknown>, string][] = [
      [{ platform: 'X', handle: '@bad handle' }, 'handle'],
      [{ platform: 'X', handle: 'x'.repeat(3000) }, 'handle'],
      [{ platform: 'X', handle: '@ok\u0000' }, 'handle'],
      [{ platform: 'MASTODON', handle: 'https://x.com/someone' }, 'handle'],
      [{ platform: 'WEBSITE', handle: 'javascript:alert(1)' }, 'handle'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(ADD, { input }, me);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unknown = await t.gql(ADD, { input: { platform: 'MYSPACE', handle: 'tom' } }, me);
    expect(unknown.errors).toHaveLength(1);
    const badId = await t.gql(UPDATE, { input: { id: 'abc', purpose: 'PERSONAL' } }, me);
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await count(me)).toBe(0);
  });
});
