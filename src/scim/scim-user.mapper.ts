import { z } from 'zod';
import type { Department } from '../organisations/department.entity';
import type { Organisation } from '../organisations/organisation.entity';
import type { StaffMember } from '../staff/staff-member.entity';
import type { ScimEmail, ScimProfile } from './scim-profile.entity';
import { plainTextProblem } from '../staff/plain-text';
import { assertSafeScimValue } from './scim-input-safety';
import { CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA } from './scim-schemas';
import { invalidValue } from './scim.errors';

/** A SCIM User as this server understands it, after Entra's quirks are smoothed out. */
export interface ScimUserFields {
  userName: string;
  externalId: string | null;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  jobTitle: string | null;
  active: boolean;
  emails: ScimEmail[] | null;
  department: string | null;
  organization: string | null;
}

/** The rules profile edits apply (no control characters, no bidirectional overrides), and a length. */
const plainText = (max: number) =>
  z.string().superRefine((value, context) => {
    const problem = plainTextProblem(value, { maxLength: max });
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const text = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() || null : value),
    plainText(max).nullish(),
  );

// Entra sends `active` as the string "False"/"True" in some PATCH requests
const activeSchema = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const lower = value.trim().toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : value;
  },
  z.boolean({ message: 'must be true or false' }).nullish(),
);

const userSchema = z.object({
  // kept as provisioned; compared ignoring case (caseExact false)
  userName: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value),
    z.string({ message: 'is required' }).min(1, 'is required').pipe(plainText(320)),
  ),
  externalId: text(255),
  displayName: text(200),
  title: text(200),
  active: activeSchema,
  name: z.object({ givenName: text(200), familyName: text(200), formatted: text(200) }).nullish(),
  emails: z
    .array(
      z.object({
        value: z.string().trim().min(1).pipe(plainText(320)),
        type: plainText(50).nullish(),
        primary: activeSchema,
      }),
    )
    .max(20)
    .nullish(),
  [ENTERPRISE_USER_SCHEMA]: z.object({ department: text(200), organization: text(200) }).nullish(),
});

/** Reads a SCIM User resource (from POST, PUT or a patched copy), or says which attribute is wrong. */
export function readScimUser(resource: unknown): ScimUserFields {
  assertSafeScimValue(resource, 'User');
  const parsed = userSchema.safeParse(resource);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join('.') || 'User';
    throw invalidValue(`${path}: ${issue.message}`);
  }
  const user = parsed.data;
  const givenName = user.name?.givenName ?? null;
  const familyName = user.name?.familyName ?? null;
  const enterprise = user[ENTERPRISE_USER_SCHEMA];
  return {
    userName: user.userName,
    externalId: user.externalId ?? null,
    displayName:
      user.displayName ??
      user.name?.formatted ??
      ([givenName, familyName].filter(Boolean).join(' ') || user.userName),
    givenName,
    familyName,
    jobTitle: user.title ?? null,
    active: user.active ?? true,
    emails: user.emails?.length
      ? user.emails.map(({ value, type, primary }) => ({
          value,
          ...(type ? { type } : {}),
          ...(primary ? { primary: true } : {}),
        }))
      : null,
    department: enterprise?.department ?? null,
    organization: enterprise?.organization ?? null,
  };
}

export interface ScimUserView {
  staff: StaffMember;
  profile: ScimProfile | null;
  organisation: Organisation | null;
  department: Department | null;
}

/** The SCIM representation of a member of staff; ids are staff ids as strings. */
export function toScimUser(
  { staff, profile, organisation, department }: ScimUserView,
  baseUrl: string,
) {
  const givenName = profile?.givenName ?? null;
  const familyName = profile?.familyName ?? null;
  const enterprise = {
    ...((profile?.department ?? department?.name)
      ? { department: profile?.department ?? department?.name }
      : {}),
    ...((profile?.organization ?? organisation?.odsCode)
      ? { organization: profile?.organization ?? organisation?.odsCode }
      : {}),
  };
  const lastModified =
    profile && profile.updatedAt > staff.updatedAt ? profile.updatedAt : staff.updatedAt;
  return {
    schemas: [
      CORE_USER_SCHEMA,
      ...(Object.keys(enterprise).length ? [ENTERPRISE_USER_SCHEMA] : []),
    ],
    id: String(staff.id),
    ...(staff.externalId ? { externalId: staff.externalId } : {}),
    userName: staff.userName ?? `staff-${staff.id}`,
    ...(givenName || familyName
      ? {
          name: {
            ...(givenName ? { givenName } : {}),
            ...(familyName ? { familyName } : {}),
          },
        }
      : {}),
    displayName: staff.displayName,
    ...(staff.jobTitle ? { title: staff.jobTitle } : {}),
    active: staff.active,
    ...(profile?.emails?.length ? { emails: profile.emails } : {}),
    ...(Object.keys(enterprise).length ? { [ENTERPRISE_USER_SCHEMA]: enterprise } : {}),
    meta: {
      resourceType: 'User',
      created: staff.createdAt.toISOString(),
      lastModified: lastModified.toISOString(),
      location: `${baseUrl}/Users/${staff.id}`,
    },
  };
}

export type ScimUser = ReturnType<typeof toScimUser>;
