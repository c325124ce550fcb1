import { hashString, mulberry32 } from "../seed/prng";
import { domainState, type ShopifyState } from "../state";
import type { CatalogState } from "./types";

/** The catalog of one shop of the twin (created empty on first use; the seed fills it). */
export function catalogOf(state: ShopifyState, shop: string): CatalogState {
  const all = domainState(state, "catalog", () => new Map<string, CatalogState>());
  let catalog = all.get(shop);
  if (!catalog) {
    catalog = { products: new Map(), collections: new Map(), customers: new Map(), orders: new Map() };
    all.set(shop, catalog);
  }
  return catalog;
}

// Bookkeeping next to the records (kept out of CatalogState so readers only see records):
// id allocators, a write version for sort caches, the handle index.
interface CatalogInternals {
  seed: number;
  allocators: Map<string, () => number>;
  version: number;
  sortCache: Map<string, { version: number; items: unknown[] }>;
  productHandles: Map<string, string>; // handle -> gid
}

const internals = new WeakMap<CatalogState, CatalogInternals>();

function internalsOf(catalog: CatalogState): CatalogInternals {
  let i = internals.get(catalog);
  if (!i) internals.set(catalog, (i = { seed: 1, allocators: new Map(), version: 0, sortCache: new Map(), productHandles: new Map() }));
  return i;
}

/** Ids are per-type increasing sequences with seeded gaps, Shopify-sized, so `id:>N` and ID sorts mean creation order. */
const ID_BASES: Record<string, number> = {
  Product: 9_001_000_000_000,
  ProductVariant: 49_001_000_000_000,
  MediaImage: 38_001_000_000_000,
  ProductImage: 45_001_000_000_000,
  ProductOption: 11_001_000_000_000,
  ProductOptionValue: 7_001_000_000_000,
  InventoryItem: 51_001_000_000_000,
  Collection: 480_001_000_000,
  Customer: 7_801_000_000_000,
  MailingAddress: 9_301_000_000_000,
  Order: 6_201_000_000_000,
  LineItem: 15_901_000_000_000,
  Refund: 1_001_000_000_000,
};

/** Resets the id streams (the seed calls this first so the same seed gives the same ids). */
export function setCatalogSeed(catalog: CatalogState, seed: number): void {
  const i = internalsOf(catalog);
  i.seed = seed;
  i.allocators.clear();
}

export function nextCatalogId(catalog: CatalogState, type: string): number {
  const i = internalsOf(catalog);
  let alloc = i.allocators.get(type);
  if (!alloc) {
    const rng = mulberry32(hashString(type, i.seed));
    let current = ID_BASES[type] ?? 5_001_000_000_000;
    alloc = () => (current += 1 + Math.floor(rng() * 65_536));
    i.allocators.set(type, alloc);
  }
  return alloc();
}

/** Call after every write so cached sort orders are rebuilt. */
export function touchCatalog(catalog: CatalogState): void {
  internalsOf(catalog).version++;
}

/** A sorted view of `items`, rebuilt only when the catalog changed since the last call with this key. */
export function cachedSort<T>(catalog: CatalogState, key: string, build: () => T[]): T[] {
  const i = internalsOf(catalog);
  const hit = i.sortCache.get(key);
  if (hit && hit.version === i.version) return hit.items as T[];
  const items = build();
  i.sortCache.set(key, { version: i.version, items });
  return items;
}

export function productByHandle(catalog: CatalogState, handle: string) {
  const gid = internalsOf(catalog).productHandles.get(handle);
  return gid ? catalog.products.get(gid) : undefined;
}

export function indexProductHandle(catalog: CatalogState, handle: string, gid: string, previous?: string): void {
  const handles = internalsOf(catalog).productHandles;
  if (previous && handles.get(previous) === gid) handles.delete(previous);
  handles.set(handle, gid);
}

export function unindexProductHandle(catalog: CatalogState, handle: string, gid: string): void {
  const handles = internalsOf(catalog).productHandles;
  if (handles.get(handle) === gid) handles.delete(handle);
}

export const legacyIdOf = (gid: string): number => Number(gid.slice(gid.lastIndexOf("/") + 1));

/**
 * Simulated latencies of the catalog: a product made by a mutation is readable at once but only
 * found by `query:` searches after `searchIndexMs` (quirks.md §1: the tag-search capture waited
 * 12 s; bulk-operation-cold-catalog-hydration.json polls five empty searches first). Tests may lower it.
 */
export const catalogDelays = (state: ShopifyState) => domainState(state, "catalog-delays", () => ({ searchIndexMs: 1000 }));

export const searchable = (p: { searchableAt?: number }, now = Date.now()) => p.searchableAt === undefined || p.searchableAt <= now;
