import { ScimError as PatchLibraryError, scimPatch, ScimPatchOperation } from 'scim-patch';
import { assertSafeScimPath, assertSafeScimValue } from './scim-input-safety';
import { PATCH_OP_SCHEMA } from './scim-schemas';
import { ScimError } from './scim.errors';

const OPS = new Set(['add', 'replace', 'remove']);

/**
 * Applies a SCIM PatchOp body to a copy of a User, smoothing Entra ID's quirks first: capitalised
 * `op` values (`Replace`), and path-less operations whose value nests a complex attribute
 * (`{ name: { givenName } }` changes only givenName, as RFC 7644 §3.5.2.3 says).
 */
export function applyUserPatch<T extends object>(user: T, body: unknown): T {
  const { schemas, Operations } = (body ?? {}) as { schemas?: unknown; Operations?: unknown };
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA)) {
    throw new ScimError(400, `schemas must include ${PATCH_OP_SCHEMA}`, 'invalidSyntax');
  }
  if (!Array.isArray(Operations) || Operations.length === 0) {
    throw new ScimError(400, 'Operations must be a non-empty list', 'invalidSyntax');
  }
  // before scim-patch sees anything: it walks paths and values into ordinary objects
  assertSafeScimValue(Operations, 'Operations');
  const operations = Operations.map(normaliseOperation);
  try {
    return scimPatch(structuredClone(user) as never, operations, {
      mutateDocument: true,
      treatMissingAsAdd: true,
    }) as T;
  } catch (error) {
    if (error instanceof PatchLibraryError) {
      const scimType = (error as { scimCode?: string }).scimCode;
      throw new ScimError(
        400,
        error.message,
        scimType === 'noTarget' || scimType === 'invalidPath' ? scimType : 'invalidValue',
      );
    }
    throw error;
  }
}

function normaliseOperation(raw: unknown, index: number): ScimPatchOperation {
  const operation = (raw ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
  const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
  if (!OPS.has(op)) {
    throw new ScimError(
      400,
      `Operations[${index}].op must be add, replace or remove`,
      'invalidSyntax',
    );
  }
  if (operation.path !== undefined && typeof operation.path !== 'string') {
    throw new ScimError(400, `Operations[${index}].path must be a string`, 'invalidPath');
  }
  const path = operation.path?.trim() || undefined;
  if (path) assertSafeScimPath(path, `Operations[${index}].path`);
  if (op === 'remove') {
    if (!path) throw new ScimError(400, `Operations[${index}] remove needs a path`, 'noTarget');
    return {
      op: 'remove',
      path,
      ...(operation.value !== undefined ? { value: operation.value } : {}),
    } as ScimPatchOperation;
  }
  if (path) return { op, path, value: operation.value } as ScimPatchOperation;
  if (!isPlainObject(operation.value)) {
    throw new ScimError(
      400,
      `Operations[${index}] without a path needs an object value`,
      'invalidValue',
    );
  }
  return { op, value: flattenComplex(operation.value) } as ScimPatchOperation;
}

/** `{ name: { givenName: "A" } }` → `{ "name.givenName": "A" }`, one level deep, as a path would say it. */
function flattenComplex(value: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = Object.create(null);
  for (const [key, inner] of Object.entries(value)) {
    if (isPlainObject(inner)) {
      // extension schemas join with ':' (urn:…:User:department), core attributes with '.'
      const separator = key.startsWith('urn:') ? ':' : '.';
      for (const [sub, subValue] of Object.entries(inner))
        flat[`${key}${separator}${sub}`] = subValue;
    } else {
      flat[key] = inner;
    }
  }
  return flat;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
