import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { hashString } from "./prng";
import type { ImageSeed, ProductSeed, VariantSeed } from "./product-seed";

// Shopify's product CSV format: the first row of a handle carries the product, every row may add a
// variant (option values / price) and an image (Image Src). Shopify's own sample catalogs plus the
// import template (newer columns: Status, Product Category) live in ../shared/shopify/product-csvs.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const PRODUCT_CSV_DIR = path.resolve(repoRoot, "../shared/shopify/product-csvs");
/** The three sample catalogs, then the import template (adds alt text, SEO, draft/archived). */
export const SEED_CSV_FILES = ["apparel.csv", "home-and-garden.csv", "jewelery.csv", "shopify-product_template.csv"];

type Row = Record<string, string>;

export function readProductCsv(file: string): ProductSeed[] {
  const rows: Row[] = parse(readFileSync(path.resolve(PRODUCT_CSV_DIR, file), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    trim: false,
    relax_column_count: true,
  });
  return productsFromRows(rows);
}

export function readSeedCsvs(files = SEED_CSV_FILES): ProductSeed[] {
  return files.flatMap(readProductCsv);
}

export function productsFromRows(rows: Row[]): ProductSeed[] {
  const byHandle = new Map<string, ProductSeed>();
  for (const row of rows) {
    const handle = row["Handle"]?.trim();
    if (!handle) continue;
    let product = byHandle.get(handle);
    if (!product) byHandle.set(handle, (product = productFromFirstRow(handle, row)));
    addVariant(product, row);
    addImage(product, row["Image Src"], row["Image Alt Text"]);
  }
  for (const product of byHandle.values()) {
    // Variant images Shopify attaches to the product's media too.
    for (const v of product.variants) if (v.imageSrc) addImage(product, v.imageSrc, "");
  }
  return [...byHandle.values()];
}

function productFromFirstRow(handle: string, row: Row): ProductSeed {
  const published = /^true$/i.test(row["Published"] ?? "");
  const status = (row["Status"] ?? "").trim().toUpperCase();
  const optionNames = [row["Option1 Name"], row["Option2 Name"], row["Option3 Name"]].map((n) => n?.trim() ?? "").filter(Boolean);
  return {
    handle,
    title: row["Title"]?.trim() ?? handle,
    bodyHtml: row["Body (HTML)"]?.trim() ?? "",
    vendor: row["Vendor"]?.trim() ?? "",
    productType: row["Type"]?.trim() ?? "",
    tags: [...new Set((row["Tags"] ?? "").split(",").map((t) => t.trim()).filter(Boolean))],
    // Without a Status column (older sample files) Shopify imports products as active.
    status: status === "DRAFT" || status === "ARCHIVED" ? status : "ACTIVE",
    published,
    seoTitle: row["SEO Title"]?.trim() || null,
    seoDescription: row["SEO Description"]?.trim() || null,
    options: (optionNames.length ? optionNames : ["Title"]).map((name) => ({ name, values: [] })),
    variants: [],
    images: [],
  };
}

function addVariant(product: ProductSeed, row: Row): void {
  const values = [row["Option1 Value"], row["Option2 Value"], row["Option3 Value"]].map((v) => v?.trim() ?? "");
  const hasVariant = values.some(Boolean) || (row["Variant Price"] ?? "").trim() !== "";
  if (!hasVariant) return; // image-only row
  // Continuation rows leave an option blank when it repeats (the template's "Green, M" rows keep Color).
  const previous = product.variants.at(-1)?.optionValues ?? [];
  const optionValues = product.options.map((_, i) => values[i] || previous[i] || "Default Title");
  product.options.forEach((o, i) => {
    if (!o.values.includes(optionValues[i]!)) o.values.push(optionValues[i]!);
  });
  const variant: VariantSeed = {
    optionValues,
    sku: row["Variant SKU"]?.trim() ?? "",
    price: money(row["Variant Price"]),
    compareAtPrice: row["Variant Compare At Price"]?.trim() ? money(row["Variant Compare At Price"]) : null,
    inventoryQuantity: Number.parseInt(row["Variant Inventory Qty"] ?? "0", 10) || 0,
    barcode: row["Variant Barcode"]?.trim() || null,
    grams: Math.round(Number.parseFloat(row["Variant Grams"] ?? "0") || 0),
    taxable: !/^false$/i.test(row["Variant Taxable"] ?? ""),
    inventoryPolicy: /^continue$/i.test(row["Variant Inventory Policy"] ?? "") ? "CONTINUE" : "DENY",
    imageSrc: row["Variant Image"]?.trim() || null,
  };
  product.variants.push(variant);
}

function addImage(product: ProductSeed, src: string | undefined, alt: string | undefined): void {
  const url = src?.trim();
  if (!url || product.images.some((i) => i.src === url)) return;
  product.images.push({ src: url, alt: alt?.trim() ?? "", ...imageSize(url) });
}

const money = (value: string | undefined) => (Number.parseFloat(value ?? "0") || 0).toFixed(2);

// The CSV has no dimensions; Burst URLs carry the width (_925x, ?width=1500). Height comes from a
// per-URL aspect ratio so every run records the same size.
const ASPECTS = [1, 4 / 3, 3 / 2, 2 / 3, 3 / 4];
export function imageSize(url: string): Pick<ImageSeed, "width" | "height"> {
  const width = Number(/_(\d+)x\./.exec(url)?.[1] ?? /[?&]width=(\d+)/.exec(url)?.[1] ?? 1024);
  const aspect = ASPECTS[hashString(url) % ASPECTS.length]!;
  return { width, height: Math.round(width / aspect) };
}

/** The file name the twin serves an image under: <origin>/cdn/shop/files/<name>. */
export function cdnFileName(src: string): string {
  const base = decodeURIComponent(new URL(src).pathname.split("/").pop() || "image");
  return base.replace(/[^A-Za-z0-9._-]/g, "-");
}
