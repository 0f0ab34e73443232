import { applyUserPatch } from './scim-user-patch';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const user = () => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  userName: 'jo@example.nhs.uk',
  name: { givenName: 'Jo', familyName: 'Bloggs' },
  title: 'Nurse',
  active: true as boolean | string,
  emails: [{ value: 'jo@example.nhs.uk', type: 'work', primary: true }],
  [ENTERPRISE]: { department: 'Renal' } as Record<string, string>,
  meta: { resourceType: 'User' },
});
const body = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

describe('applyUserPatch', () => {
  it.each([
    [
      'capitalised Replace',
      body({ op: 'Replace', path: 'title', value: 'Sister' }),
      { title: 'Sister' },
    ],
    [
      'capitalised Add',
      body({ op: 'Add', path: 'name.givenName', value: 'Joanna' }),
      { name: { givenName: 'Joanna', familyName: 'Bloggs' } },
    ],
    [
      'active as the string "False" (kept for the reader to coerce)',
      body({ op: 'Replace', path: 'active', value: 'False' }),
      { active: 'False' },
    ],
    [
      'path-less replace with dotted keys',
      body({ op: 'Replace', value: { active: false, 'name.familyName': 'Smith' } }),
      { active: false, name: { givenName: 'Jo', familyName: 'Smith' } },
    ],
    [
      'path-less replace of a complex attribute keeps the rest',
      body({ op: 'replace', value: { name: { familyName: 'Smith' } } }),
      { name: { givenName: 'Jo', familyName: 'Smith' } },
    ],
    [
      'the enterprise extension by path',
      body({ op: 'Add', path: `${ENTERPRISE}:organization`, value: 'RJ1' }),
      { [ENTERPRISE]: { department: 'Renal', organization: 'RJ1' } },
    ],
    [
      'the enterprise extension without a path',
      body({ op: 'Replace', value: { [ENTERPRISE]: { department: 'Cardiology' } } }),
      { [ENTERPRISE]: { department: 'Cardiology' } },
    ],
    [
      'a filtered multi-valued path',
      body({ op: 'replace', path: 'emails[type eq "work"].value', value: 'new@example.nhs.uk' }),
      { emails: [{ value: 'new@example.nhs.uk', type: 'work', primary: true }] },
    ],
  ])('applies %s', (_, patch, expected) => {
    const before = user();
    expect(applyUserPatch(before, patch)).toMatchObject(expected);
    expect(before).toEqual(user()); // the original is left alone
  });

  it.each([
    [
      'no PatchOp schema',
      { Operations: [{ op: 'add', path: 'title', value: 'x' }] },
      'invalidSyntax',
    ],
    ['no operations', body(), 'invalidSyntax'],
    ['an unknown op', body({ op: 'merge', path: 'title', value: 'x' }), 'invalidSyntax'],
    ['remove without a path', body({ op: 'Remove' }), 'noTarget'],
    [
      'a path-less add whose value is not an object',
      body({ op: 'add', value: 'x' }),
      'invalidValue',
    ],
    ['a path that is not text', body({ op: 'add', path: 7, value: 'x' }), 'invalidPath'],
  ])('refuses %s', (_, patch, scimType) => {
    expect(() => applyUserPatch(user(), patch)).toThrow(
      expect.objectContaining({ status: 400, scimType }),
    );
  });
});
