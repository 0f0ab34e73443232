import { parseUserFilter } from './scim-filter';

describe('parseUserFilter', () => {
  it.each([
    [undefined, {}],
    ['', {}],
    ['userName eq "Jane.Smith@nhs.net"', { userName: 'jane.smith@nhs.net' }],
    ['USERNAME EQ "a@b"', { userName: 'a@b' }],
    ['externalId eq "AbC-123"', { externalId: 'AbC-123' }],
    ['id eq "42"', { id: '42' }],
    ['userName eq "a@b" and externalId eq "x"', { userName: 'a@b', externalId: 'x' }],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b"', { userName: 'a@b' }],
    ['userName eq "a\\"b"', { userName: 'a"b' }],
    ['userName eq "a@b" and userName eq "c@d"', { userName: 'c@d', impossible: true }],
  ])('reads %p', (filter, expected) => {
    expect(parseUserFilter(filter)).toEqual(expected);
  });

  it.each([
    'userName co "a"',
    'userName eq "a" or externalId eq "b"',
    'displayName eq "Jane"',
    'emails[type eq "work"].value eq "a@b"',
    'userName eq',
    'userName eq 12',
    'not (userName eq "a")',
    'userName pr',
  ])('refuses %p as invalidFilter', (filter) => {
    expect(() => parseUserFilter(filter)).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidFilter' }),
    );
  });
});
