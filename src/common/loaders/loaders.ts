import { Injectable } from '@nestjs/common';

/**
 * The per-request batch loaders, by name: a page costs a fixed number of statements however many
 * rows it shows. Each feature adds its own, typed here by declaration merging (no import of the
 * feature from here), and registers how to build them (see docs/architecture.md):
 *
 *   declare module '../common/loaders/loaders' {
 *     interface Loaders { staffById: DataLoader<number, StaffMember | null> }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the features
export interface Loaders {}

/** How each feature's loaders are built; the GraphQL context builds a fresh set per request. */
@Injectable()
export class LoaderRegistry {
  private readonly factories = new Map<keyof Loaders, () => unknown>();

  /** Called by a feature's loader provider (its constructor) once, at start-up. */
  add<K extends keyof Loaders>(name: K, create: () => Loaders[K]): void {
    if (this.factories.has(name)) throw new Error(`Two features add the loader "${String(name)}"`);
    this.factories.set(name, create);
  }

  /** A fresh set for one request: DataLoader caches must never outlive it. */
  create(): Loaders {
    return Object.fromEntries(
      [...this.factories].map(([name, create]) => [name, create()]),
    ) as unknown as Loaders;
  }
}
