// Taken when the app module loads, after every library has set itself up.
const ORIGINAL = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Properties added to Object.prototype since start (prototype pollution): once there, every
 * object in the process inherits them, lookups built from plain objects go wrong, and only a
 * restart cures it.
 */
export function pollutedPrototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).filter((key) => !ORIGINAL.has(key));
}
