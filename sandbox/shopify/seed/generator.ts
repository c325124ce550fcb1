import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { ShopifyState } from "../state";
import { catalogOf, setCatalogSeed } from "../catalog/store";
import { addProduct } from "../catalog/write";
import { readSeedCsvs } from "./csv-products";
import { Rng } from "./prng";
import type { ProductSeed } from "./product-seed";

// Benchmark catalogs: N products derived from Shopify's sample products (same option shapes,
// prices around the originals, the same image files), deterministic per seed. Lazy, so 100k
// products never sit in memory as seeds.

const ADJECTIVES = ["Classic", "Modern", "Vintage", "Organic", "Handmade", "Premium", "Everyday", "Limited", "Coastal", "Nordic", "Urban", "Alpine", "Sunset", "Midnight", "Linen", "Recycled"];
const VENDORS = ["Atelier Nord", "Casa Verde", "Kumo & Co", "Luna Studio", "Partners Demo", "Company 123", "Acme", "Río Textiles", "Maison Clair"];
const TAGS = ["bestseller", "new", "gift", "eco", "limited", "summer", "winter", "sale", "ugc-featured", "bundle"];

export function* generateCatalog(n: number, seed: number): Generator<ProductSeed> {
  const samples = readSeedCsvs();
  const rng = new Rng(seed, "generator");
  for (let i = 1; i <= n; i++) {
    const base = rng.pick(samples);
    const adjective = rng.pick(ADJECTIVES);
    const title = `${adjective} ${base.title} ${i}`;
    const factor = 0.7 + rng.float() * 0.8;
    yield {
      handle: `${adjective.toLowerCase()}-${base.handle}-${i}`,
      title,
      bodyHtml: base.bodyHtml || `<p>${title}.</p>`,
      vendor: rng.pick(VENDORS),
      productType: base.productType || rng.pick(["Shirts", "Jackets", "Dresses", "Accessories"]),
      tags: [...new Set([...base.tags, rng.pick(TAGS), ...(rng.chance(0.3) ? [rng.pick(TAGS)] : [])])],
      status: rng.weighted([["ACTIVE", 90], ["DRAFT", 8], ["ARCHIVED", 2]] as const),
      published: true,
      seoTitle: rng.chance(0.3) ? `${title} | Tessera Demo` : null,
      seoDescription: null,
      options: base.options.map((o) => ({ name: o.name, values: [...o.values] })),
      variants: base.variants.map((v, j) => ({
        ...v,
        sku: `GEN-${i}-${j + 1}`,
        price: (Number(v.price) * factor).toFixed(2),
        compareAtPrice: rng.chance(0.15) ? (Number(v.price) * factor * 1.25).toFixed(2) : null,
        inventoryQuantity: rng.int(0, 120),
      })),
      images: base.images.map((img) => ({ ...img, alt: rng.chance(0.4) ? `${title} — ${img.alt || base.title}` : img.alt })),
    };
  }
}

/** Spreads products' created/updated/published times over the ~200 days before `now`. */
export class ProductTimeline {
  private readonly rng: Rng;
  private i = 0;
  constructor(seed: number, private readonly now: Date, private readonly total: number) {
    this.rng = new Rng(seed, "product-times");
  }
  next() {
    const span = 200 * 86_400_000;
    const now = this.now.getTime();
    const created = now - span + Math.floor((span - 86_400_000) * (this.i++ / Math.max(1, this.total))) + this.rng.int(0, 3600) * 1000;
    const updated = this.rng.chance(0.5) ? created + this.rng.int(1, Math.max(1, Math.floor((now - created) / 1000) - 3600)) * 1000 : created;
    return { createdAt: iso(created), updatedAt: iso(updated), publishedAt: iso(created + 3_600_000) };
  }
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const JSONL_HEADER = "tessera-catalog";

/** Fast path for benchmarks: stream a generated JSONL file into a shop of a running twin. */
export async function loadCatalogJsonl(state: ShopifyState, shop: string, file: string, opts: { origin: string; now?: Date }): Promise<number> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let timeline: ProductTimeline | undefined;
  let count = 0;
  for await (const line of lines) {
    if (!line) continue;
    const parsed = JSON.parse(line) as ProductSeed | { [JSONL_HEADER]: { products: number; seed: number } };
    if (JSONL_HEADER in parsed) {
      const meta = parsed[JSONL_HEADER];
      setCatalogSeed(catalogOf(state, shop), meta.seed);
      timeline = new ProductTimeline(meta.seed, opts.now ?? new Date(), meta.products);
      continue;
    }
    if (!timeline) throw new Error(`${file} is not a generated catalog (missing the ${JSONL_HEADER} header line)`);
    addProduct(state, shop, parsed as ProductSeed, timeline.next(), opts.origin);
    count++;
  }
  return count;
}
