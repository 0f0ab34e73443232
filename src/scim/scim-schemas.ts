/** SCIM 2.0 (RFC 7643/7644) identifiers and the discovery documents this server publishes. */
export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export { SCIM_ERROR_SCHEMA as ERROR_SCHEMA } from '../common/http/error-response';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export { SCIM_CONTENT_TYPE } from '../common/http/error-response';
export const MAX_PAGE_SIZE = 100;

const attribute = (
  name: string,
  options: {
    type?: string;
    required?: boolean;
    multiValued?: boolean;
    uniqueness?: string;
    caseExact?: boolean;
    mutability?: string;
    description?: string;
    subAttributes?: unknown[];
  } = {},
) => ({
  name,
  type: options.type ?? 'string',
  multiValued: options.multiValued ?? false,
  description: options.description ?? '',
  required: options.required ?? false,
  caseExact: options.caseExact ?? false,
  mutability: options.mutability ?? 'readWrite',
  returned: 'default',
  uniqueness: options.uniqueness ?? 'none',
  ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
});

const meta = (baseUrl: string, resourceType: string, path: string) => ({
  resourceType,
  location: `${baseUrl}/${path}`,
});

export function userSchema(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: CORE_USER_SCHEMA,
    name: 'User',
    description: 'A member of staff',
    attributes: [
      attribute('userName', {
        required: true,
        uniqueness: 'server',
        description: 'Work sign-in name (user principal name), unique; compared ignoring case.',
      }),
      attribute('name', {
        type: 'complex',
        subAttributes: [attribute('givenName'), attribute('familyName'), attribute('formatted')],
      }),
      attribute('displayName'),
      attribute('title', { description: 'Job title' }),
      attribute('active', { type: 'boolean' }),
      attribute('emails', {
        type: 'complex',
        multiValued: true,
        subAttributes: [
          attribute('value'),
          attribute('type'),
          attribute('primary', { type: 'boolean' }),
        ],
      }),
    ],
    meta: meta(baseUrl, 'Schema', `Schemas/${CORE_USER_SCHEMA}`),
  };
}

export function enterpriseUserSchema(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: ENTERPRISE_USER_SCHEMA,
    name: 'EnterpriseUser',
    description: 'Enterprise User',
    attributes: [
      attribute('department', {
        description: 'Matched by name to a department of the organisation',
      }),
      attribute('organization', {
        description: 'Matched to an organisation by ODS code or by name',
      }),
    ],
    meta: meta(baseUrl, 'Schema', `Schemas/${ENTERPRISE_USER_SCHEMA}`),
  };
}

export function userResourceType(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'Members of staff',
    schema: CORE_USER_SCHEMA,
    schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
    meta: meta(baseUrl, 'ResourceType', 'ResourceTypes/User'),
  };
}

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'The secret SCIM_TOKEN, as Entra ID provisioning sends it',
        primary: true,
      },
    ],
    meta: meta(baseUrl, 'ServiceProviderConfig', 'ServiceProviderConfig'),
  };
}

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number) {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
