import type { ShopifyState } from "../state";
import { catalogOf, setCatalogSeed } from "../catalog/store";
import { addProduct } from "../catalog/write";
import { registerCatalogTranslatableSources } from "../catalog/translatable";
import { readSeedCsvs } from "./csv-products";
import { seedCollections } from "./collections";
import { seedCustomers } from "./customers";
import { seedOrders } from "./orders";
import { ProductTimeline } from "./generator";
import { Rng } from "./prng";
import type { ProductSeed } from "./product-seed";

// Builds the demo shop: products from Shopify's sample CSVs, collections, customers, orders.
// Ids come from seeded streams (same seed = same ids on every run); timestamps are relative to
// `now` (default: today 00:00 UTC) so the 90-day order window always ends today.

export const DEFAULT_SEED = 20260701;

export interface SeedOptions {
  origin: string; // where the twin serves images: <origin>/cdn/shop/files/<name>
  seed?: number;
  now?: Date;
  products?: ProductSeed[]; // default: the shared CSVs
  customers?: number;
  orders?: number;
}

export interface SeedReport { products: number; variants: number; media: number; collections: number; customers: number; orders: number; ms: number }

export function seedShop(state: ShopifyState, shop: string, options: SeedOptions): SeedReport {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? startOfTodayUtc();
  registerCatalogTranslatableSources();
  const catalog = catalogOf(state, shop);
  setCatalogSeed(catalog, seed);
  seedProducts(state, shop, options.products ?? readSeedCsvs(), { origin: options.origin, seed, now });
  seedCollections(state, shop, now);
  const customers = seedCustomers(state, shop, new Rng(seed, "customers"), options.customers ?? 40, now);
  seedOrders(state, shop, new Rng(seed, "orders"), customers, options.orders ?? 120, now);
  return { ...countCatalog(state, shop), ms: Math.round(performance.now() - started) };
}

/** Adds products in order, created over the ~200 days before `now`, some updated since. */
export function seedProducts(state: ShopifyState, shop: string, products: ProductSeed[], opts: { origin: string; seed: number; now: Date }): number {
  const timeline = new ProductTimeline(opts.seed, opts.now, products.length);
  for (const seed of products) addProduct(state, shop, seed, timeline.next(), opts.origin);
  return products.length;
}

export function countCatalog(state: ShopifyState, shop: string) {
  const c = catalogOf(state, shop);
  let variants = 0;
  let media = 0;
  for (const p of c.products.values()) {
    variants += p.variants.length;
    media += p.media.length;
  }
  return { products: c.products.size, variants, media, collections: c.collections.size, customers: c.customers.size, orders: c.orders.size };
}

export function startOfTodayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
