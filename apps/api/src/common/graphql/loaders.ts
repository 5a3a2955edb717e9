import DataLoader from 'dataloader';
import type { Actor } from '../auth/actor';

type BatchFn<K, V> = (keys: readonly K[], asOf: string, actor: Actor) => Promise<Map<K, V>>;

/**
 * Per-request DataLoaders, one per (relation, as-of date). Created fresh for every request, so nothing is cached
 * across callers; every batch function applies the caller's scope in its SQL.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  private actorValue: Actor | null = null;

  /** Set by the auth guard once the caller is known (the context object itself may be copied by Apollo). */
  setActor(actor: Actor): void {
    this.actorValue = actor;
  }

  private actor(): Actor {
    if (!this.actorValue) throw new Error('Loaders used before the caller was authenticated');
    return this.actorValue;
  }

  /** The loader for a relation on a date; `batch` returns a map from key to value (missing keys load as `fallback`). */
  for<K, V>(name: string, asOf: string, batch: BatchFn<K, V>, fallback: V): DataLoader<K, V> {
    const key = `${name}|${asOf}`;
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(
        async (keys) => {
          const found = await batch(keys, asOf, this.actor());
          return keys.map((k) => (found.has(k) ? (found.get(k) as V) : fallback));
        },
        { maxBatchSize: 1000 },
      );
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
