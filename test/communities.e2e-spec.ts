import { StaffMember } from '../src/staff/staff-member.entity';
import { World } from './support/world';
import { createTestApp, TestApp } from './support/create-test-app';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      community {
        id
        slug
        name
        kind
        scope
        hashtag
        description
        links {
          label
          url
        }
        memberCount
        archived
        organisation {
          id
        }
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      community {
        id
        slug
        name
        hashtag
        description
        links {
          label
        }
      }
    }
  }
`;
const ARCHIVE = `mutation ($input: CommunityIdInput!) { archiveCommunity(input: $input) { community { id archived } } }`;
const UNARCHIVE = `mutation ($input: CommunityIdInput!) { unarchiveCommunity(input: $input) { community { id archived } } }`;
const JOIN = `mutation ($input: CommunityIdInput!) { joinCommunity(input: $input) { community { id memberCount viewerMembership { role } } } }`;
const LEAVE = `mutation ($input: CommunityIdInput!) { leaveCommunity(input: $input) { community { id memberCount viewerMembership { role } } } }`;
const SET_ROLE = /* GraphQL */ `
  mutation ($input: SetCommunityMemberRoleInput!) {
    setCommunityMemberRole(input: $input) {
      membership {
        role
        member {
          id
        }
        community {
          id
          memberCount
        }
      }
    }
  }
`;
const COMMUNITIES = /* GraphQL */ `
  query ($first: Int, $after: String, $filter: CommunityFilter) {
    communities(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          slug
        }
      }
    }
  }
`;
const COMMUNITY = /* GraphQL */ `
  query ($id: ID, $slug: String, $first: Int, $after: String, $role: CommunityRole) {
    community(id: $id, slug: $slug) {
      id
      name
      memberCount
      members(first: $first, after: $after, role: $role) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            role
            member {
              id
              displayName
            }
          }
        }
      }
    }
  }
`;
const MY_COMMUNITIES = `query ($id: ID!) { staffMember(id: $id) { communities { role community { id name } } } }`;

describe('communities', () => {
  let t: TestApp;
  let world: World;
  let admin: StaffMember;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
    admin = await world.newNationalAdmin({ isCommsAdmin: true });
  });
  afterAll(() => t.close());

  const unique = () => `${Date.now().toString(36)}${(seq += 1)}`;
  const create = async (input: Record<string, unknown> = {}, as: StaffMember = admin) => {
    const res = await t.gql(
      CREATE,
      { input: { name: `Community ${unique()}`, kind: 'NETWORK', ...input } },
      as,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createCommunity.community;
  };

  it('lets Comms.Admin create a community with its description, hashtag and links', async () => {
    const name = `WeNurses ${unique()}`;
    const res = await t.gql(
      CREATE,
      {
        input: {
          name,
          kind: 'HASHTAG',
          description: 'Nurses talking',
          hashtag: 'WeNurses',
          links: [{ label: 'Website', url: 'https://www.wenurses.com' }],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createCommunity.community).toMatchObject({
      name,
      slug: name.toLowerCase().replace(/ /g, '-'),
      kind: 'HASHTAG',
      scope: 'NHS_WIDE',
      hashtag: '#WeNurses',
      description: 'Nurses talking',
      links: [{ label: 'Website', url: 'https://www.wenurses.com' }],
      memberCount: 0,
      archived: false,
      organisation: null,
    });
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ slug: 'Not A Slug' }, 'slug'],
    [{ hashtag: '#two words' }, 'hashtag'],
    [{ links: [{ label: 'x', url: 'javascript:alert(1)' }] }, 'links.0.url'],
    [{ scope: 'ORGANISATION' }, 'organisationId'],
    [{ scope: 'ORGANISATION', organisationId: '999999' }, 'organisationId'],
  ])('refuses bad input %j naming the field, and writes nothing', async (bad, field) => {
    const name = `Bad ${unique()}`;
    const res = await t.gql(CREATE, { input: { name, kind: 'NETWORK', ...bad } }, admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const search = await t.gql(
      COMMUNITIES,
      { filter: { search: name, includeArchived: true } },
      admin,
    );
    expect(search.data!.communities.totalCount).toBe(0);
  });

  it('refuses a slug another community has', async () => {
    const first = await create();
    const res = await t.gql(
      CREATE,
      { input: { name: 'Other', slug: first.slug, kind: 'NETWORK' } },
      admin,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
  });

  it('refuses create, update, archive and role changes to anyone but Comms.Admin', async () => {
    const nurse = await world.newPerson();
    const community = await create();
    const attempts: [string, Record<string, unknown>][] = [
      [CREATE, { input: { name: 'Mine', kind: 'NETWORK' } }],
      [UPDATE, { input: { id: community.id, name: 'Taken over' } }],
      [ARCHIVE, { input: { communityId: community.id } }],
      [UNARCHIVE, { input: { communityId: community.id } }],
      [
        SET_ROLE,
        { input: { communityId: community.id, staffId: String(nurse.id), role: 'ORGANISER' } },
      ],
    ];
    for (const [mutation, variables] of attempts) {
      const res = await t.gql(mutation, variables, nurse);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const after = await t.gql(COMMUNITY, { id: community.id }, nurse);
    expect(after.data!.community).toMatchObject({ name: community.name, memberCount: 0 });
  });

  it('updates only the fields given, and clears with an empty string', async () => {
    const community = await create({ hashtag: 'before', description: 'Before' });
    const res = await t.gql(
      UPDATE,
      { input: { id: community.id, description: '', hashtag: '#after' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateCommunity.community).toMatchObject({
      name: community.name,
      description: null,
      hashtag: '#after',
    });
  });

  it('joins and leaves idempotently, keeping the member count exact', async () => {
    const community = await create();
    const [a, b] = [await world.newPerson(), await world.newPerson()];
    for (let i = 0; i < 2; i++) {
      const res = await t.gql(JOIN, { input: { communityId: community.id } }, a);
      expect(res.data!.joinCommunity.community).toMatchObject({
        memberCount: 1,
        viewerMembership: { role: 'MEMBER' },
      });
    }
    await t.gql(JOIN, { input: { communityId: community.id } }, b);
    const mine = await t.gql(MY_COMMUNITIES, { id: String(a.id) }, b);
    expect(mine.data!.staffMember.communities).toEqual([
      { role: 'MEMBER', community: { id: community.id, name: community.name } },
    ]);
    for (let i = 0; i < 2; i++) {
      const res = await t.gql(LEAVE, { input: { communityId: community.id } }, a);
      expect(res.data!.leaveCommunity.community).toMatchObject({
        memberCount: 1,
        viewerMembership: null,
      });
    }
  });

  it('keeps concurrent joins exact', async () => {
    const community = await create();
    const people = await Promise.all(Array.from({ length: 8 }, () => world.newPerson()));
    await Promise.all(
      people.flatMap((p) =>
        [1, 2].map(() => t.gql(JOIN, { input: { communityId: community.id } }, p)),
      ),
    );
    const res = await t.gql(COMMUNITY, { id: community.id, first: 100 }, people[0]);
    expect(res.data!.community.memberCount).toBe(8);
    expect(res.data!.community.members.edges).toHaveLength(8);
  });

  it('says NOT_FOUND for a community that does not exist', async () => {
    const me = await world.newPerson();
    const res = await t.gql(JOIN, { input: { communityId: '999999' } }, me);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'communityId' });
  });

  it('shows and opens an organisation-only community to its own staff only', async () => {
    const org = await world.newOrganisation();
    const other = await world.newOrganisation();
    const insider = await world.newPerson({ organisationId: org.id });
    const outsider = await world.newPerson({ organisationId: other.id });
    const orgAdmin = await world.newAdmin({ organisationId: org.id });
    const community = await create(
      { scope: 'ORGANISATION', organisationId: String(org.id) },
      orgAdmin,
    );
    expect(community.organisation).toEqual({ id: String(org.id) });

    const seen = await t.gql(COMMUNITIES, { filter: { search: community.name } }, insider);
    expect(seen.data!.communities.edges.map((e: any) => e.node.id)).toEqual([community.id]);
    const hidden = await t.gql(COMMUNITIES, { filter: { search: community.name } }, outsider);
    expect(hidden.data!.communities.totalCount).toBe(0);

    const byId = await t.gql(COMMUNITY, { id: community.id }, outsider);
    expect(byId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bySlug = await t.gql(COMMUNITY, { slug: community.slug }, outsider);
    expect(bySlug.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const join = await t.gql(JOIN, { input: { communityId: community.id } }, outsider);
    expect(join.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'communityId' });
    const ok = await t.gql(JOIN, { input: { communityId: community.id } }, insider);
    expect(ok.data!.joinCommunity.community.memberCount).toBe(1);

    // an admin cannot make an outsider its organiser either
    const role = await t.gql(
      SET_ROLE,
      { input: { communityId: community.id, staffId: String(outsider.id), role: 'ORGANISER' } },
      orgAdmin,
    );
    expect(role.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'staffId' });
  });

  it('archives: no new members, gone from the list, page still answers, can come back', async () => {
    const community = await create();
    const member = await world.newPerson();
    await t.gql(JOIN, { input: { communityId: community.id } }, member);
    const archived = await t.gql(ARCHIVE, { input: { communityId: community.id } }, admin);
    expect(archived.data!.archiveCommunity.community.archived).toBe(true);

    const newcomer = await world.newPerson();
    const join = await t.gql(JOIN, { input: { communityId: community.id } }, newcomer);
    expect(join.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'communityId',
    });
    const list = await t.gql(COMMUNITIES, { filter: { search: community.name } }, newcomer);
    expect(list.data!.communities.totalCount).toBe(0);
    const page = await t.gql(COMMUNITY, { id: community.id }, newcomer);
    expect(page.data!.community.memberCount).toBe(1);
    const leave = await t.gql(LEAVE, { input: { communityId: community.id } }, member);
    expect(leave.data!.leaveCommunity.community.memberCount).toBe(0);

    await t.gql(UNARCHIVE, { input: { communityId: community.id } }, admin);
    const rejoin = await t.gql(JOIN, { input: { communityId: community.id } }, newcomer);
    expect(rejoin.data!.joinCommunity.community.memberCount).toBe(1);
  });

  it('lets Comms.Admin name organisers and champions, listed by role', async () => {
    const community = await create();
    const [organiser, champion, member] = [
      await world.newPerson(),
      await world.newPerson(),
      await world.newPerson(),
    ];
    await t.gql(JOIN, { input: { communityId: community.id } }, member);
    await t.gql(JOIN, { input: { communityId: community.id } }, champion);
    const made = await t.gql(
      SET_ROLE,
      { input: { communityId: community.id, staffId: String(organiser.id), role: 'ORGANISER' } },
      admin,
    );
    expect(made.data!.setCommunityMemberRole.membership).toMatchObject({
      role: 'ORGANISER',
      member: { id: String(organiser.id) },
      community: { memberCount: 3 },
    });
    await t.gql(
      SET_ROLE,
      { input: { communityId: community.id, staffId: String(champion.id), role: 'CHAMPION' } },
      admin,
    );
    const organisers = await t.gql(COMMUNITY, { id: community.id, role: 'ORGANISER' }, member);
    expect(organisers.data!.community.members).toMatchObject({
      totalCount: 1,
      edges: [{ node: { role: 'ORGANISER', member: { id: String(organiser.id) } } }],
    });
    const missing = await t.gql(
      SET_ROLE,
      { input: { communityId: community.id, staffId: '999999', role: 'CHAMPION' } },
      admin,
    );
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'staffId' });
  });

  it('pages members in join order by cursor and hides leavers', async () => {
    const community = await create();
    const people = [];
    for (let i = 0; i < 5; i++) {
      const p = await world.newPerson();
      await t.gql(JOIN, { input: { communityId: community.id } }, p);
      people.push(p);
    }
    // a leaver vanishes from the list at once
    await world.leave(people[1]);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(COMMUNITY, { id: community.id, first: 2, after }, people[0]);
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.community.members.edges.map((e: any) => e.node.member.id));
      if (!res.data.community.members.pageInfo.hasNextPage) break;
      after = res.data.community.members.pageInfo.endCursor;
    }
    expect(seen).toEqual([people[0], people[2], people[3], people[4]].map((p) => String(p.id)));
  });

  it('pages the list of communities by name', async () => {
    const prefix = `Paged ${unique()}`;
    for (const letter of ['C', 'A', 'B']) await create({ name: `${prefix} ${letter}` });
    const me = await world.newPerson();
    const first = await t.gql(COMMUNITIES, { first: 2, filter: { search: prefix } }, me);
    expect(first.data!.communities).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true },
    });
    const second = await t.gql(
      COMMUNITIES,
      { first: 2, after: first.data!.communities.pageInfo.endCursor, filter: { search: prefix } },
      me,
    );
    const names = [...first.data!.communities.edges, ...second.data!.communities.edges].map(
      (e: any) => e.node.name,
    );
    expect(names).toEqual([`${prefix} A`, `${prefix} B`, `${prefix} C`]);
  });

  it('lists only the communities I joined with joined: true', async () => {
    const [mineC, notMine] = [await create(), await create()];
    const me = await world.newPerson();
    await t.gql(JOIN, { input: { communityId: mineC.id } }, me);
    const res = await t.gql(COMMUNITIES, { first: 100, filter: { joined: true } }, me);
    const ids = res.data!.communities.edges.map((e: any) => e.node.id);
    expect(ids).toContain(mineC.id);
    expect(ids).not.toContain(notMine.id);
  });

  it('keeps another organisation’s communications team out of an organisation-only community', async () => {
    const [org, other] = [await world.newOrganisation(), await world.newOrganisation()];
    const ourAdmin = await world.newAdmin({ organisationId: org.id });
    const theirAdmin = await world.newAdmin({ organisationId: other.id });
    const member = await world.newPerson({ organisationId: org.id });
    const community = await create(
      { scope: 'ORGANISATION', organisationId: String(org.id) },
      ourAdmin,
    );

    const createForUs = await t.gql(
      CREATE,
      {
        input: {
          name: `Not yours ${unique()}`,
          kind: 'NETWORK',
          scope: 'ORGANISATION',
          organisationId: String(org.id),
        },
      },
      theirAdmin,
    );
    expect(createForUs.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'organisationId',
    });

    const seen = await t.gql(COMMUNITIES, { filter: { search: community.name } }, theirAdmin);
    expect(seen.data!.communities.totalCount).toBe(0);
    const opened = await t.gql(COMMUNITY, { id: community.id }, theirAdmin);
    expect(opened.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const renamed = await t.gql(
      UPDATE,
      { input: { id: community.id, name: 'Taken over' } },
      theirAdmin,
    );
    expect(renamed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const archived = await t.gql(
      `mutation ($input: CommunityIdInput!) { archiveCommunity(input: $input) { community { id } } }`,
      { input: { communityId: community.id } },
      theirAdmin,
    );
    expect(archived.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const role = await t.gql(
      SET_ROLE,
      { input: { communityId: community.id, staffId: String(member.id), role: 'ORGANISER' } },
      theirAdmin,
    );
    expect(role.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const stillOpen = await t.gql(COMMUNITY, { id: community.id }, member);
    expect(stillOpen.errors).toBeUndefined();

    // nor can anyone outside the organisation list its members through the directory filter
    await t.gql(JOIN, { input: { communityId: community.id } }, member);
    const DIRECTORY = `query ($filter: StaffFilter) { staff(filter: $filter) { totalCount } }`;
    const outside = await t.gql(DIRECTORY, { filter: { communityId: community.id } }, theirAdmin);
    expect(outside.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'communityId',
    });
    const inside = await t.gql(DIRECTORY, { filter: { communityId: community.id } }, member);
    expect(inside.data!.staff.totalCount).toBe(1);
  });
});
