import { createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createShopifyState } from "../state";
import { tesseraDemoShop } from "../fixtures/tessera-demo";
import { DEFAULT_SEED, countCatalog } from "./index";
import { generateCatalog, JSONL_HEADER, loadCatalogJsonl } from "./generator";

// Benchmark catalogs:
//   node --import tsx sandbox/shopify/seed/generate.ts --products 10000 --out /tmp/catalog-10k.jsonl [--seed 7]
//   node --import tsx sandbox/shopify/seed/generate.ts --load /tmp/catalog-10k.jsonl   (times the fast path)
// Load into a running twin: startSandbox({ seed: false }) then loadCatalogJsonl(sandbox.state, shop, file, { origin }).

export { generateCatalog, loadCatalogJsonl };

export async function writeCatalogJsonl(file: string, products: number, seed = DEFAULT_SEED): Promise<void> {
  const out = createWriteStream(file, "utf8");
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };
  await write(JSON.stringify({ [JSONL_HEADER]: { products, seed } }));
  for (const product of generateCatalog(products, seed)) await write(JSON.stringify(product));
  out.end();
  await once(out, "finish");
}

/** Loads a JSONL catalog into a fresh twin state and reports time and heap growth. */
export async function measureLoad(file: string) {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const state = createShopifyState([tesseraDemoShop()]);
  const started = performance.now();
  await loadCatalogJsonl(state, "tessera-demo.myshopify.com", file, { origin: "http://127.0.0.1:4500" });
  const ms = performance.now() - started;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
  return { ...countCatalog(state, "tessera-demo.myshopify.com"), ms: Math.round(ms), heapMb: Math.round(heapMb), state };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const load = arg("load");
  if (load) {
    const { state: _state, ...report } = await measureLoad(load);
    console.log(JSON.stringify(report));
  } else {
    const products = Number(arg("products"));
    const out = arg("out");
    if (!Number.isInteger(products) || products < 1 || !out) {
      console.error("usage: generate.ts --products <n> --out <file.jsonl> [--seed <n>]  |  generate.ts --load <file.jsonl>");
      process.exit(2);
    }
    const started = performance.now();
    await writeCatalogJsonl(out, products, arg("seed") ? Number(arg("seed")) : DEFAULT_SEED);
    console.log(`wrote ${products} products to ${out} in ${Math.round(performance.now() - started)} ms`);
  }
}
