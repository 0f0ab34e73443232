import { ScimError } from './scim.errors';

// Names that reach Object.prototype when used as keys of an ordinary object (scim-patch 0.8.3
// walks paths into plain objects). No SCIM attribute has them, in any case.
const PROTOTYPE_KEYS = /^(__proto__|constructor|prototype)$/i;

/**
 * Refuses SCIM input holding a key that could reach Object.prototype, at any depth, or a NUL
 * anywhere (PostgreSQL cannot store one). By explicit stack: a body can nest deeply.
 */
export function assertSafeScimValue(value: unknown, where: string): void {
  const stack: { value: unknown; path: string }[] = [{ value, path: where }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) {
        throw new ScimError(400, `${path} must not contain a NUL character`, 'invalidValue');
      }
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]` }));
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        if (PROTOTYPE_KEYS.test(key) || key.includes('\u0000')) {
          throw new ScimError(400, `${path}: "${key}" is not an attribute`, 'invalidValue');
        }
        stack.push({ value: (current as Record<string, unknown>)[key], path: `${path}.${key}` });
      }
    }
  }
}

/** A PATCH path naming __proto__, constructor or prototype anywhere outside a quoted value. */
export function assertSafeScimPath(path: string, where: string): void {
  const names = path.replace(/"(?:[^"\\]|\\.)*"/g, '""').split(/[^A-Za-z0-9_$-]+/);
  const bad = names.find((name) => PROTOTYPE_KEYS.test(name));
  if (bad || path.includes('\u0000')) {
    throw new ScimError(400, `${where}: "${bad ?? 'NUL'}" is not an attribute`, 'invalidPath');
  }
}
