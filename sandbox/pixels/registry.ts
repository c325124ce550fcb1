import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { domainState, type ShopifyState } from "../shopify/state";
import type { ExtensionDir } from "../storefront/extensions";

// Web pixel extensions of the app (type = "web_pixel_extension"), bundled the way the Shopify CLI
// does (esbuild, one IIFE; `register` from @shopify/web-pixels-extension calls the global
// `shopify.extend("WebPixel::Render", …)` the sandbox's worker provides).

export interface PixelPrivacy { analytics: boolean; marketing: boolean; preferences: boolean; saleOfData: boolean }

export interface WebPixelExtension {
  handle: string;
  root: string;
  entry: string;
  runtimeContext: string;
  /** Permissions the visitor must have granted before Shopify loads the pixel at all. */
  requires: PixelPrivacy;
  settingsFields: Record<string, { type?: string; name?: string }>;
}

export function webPixelExtensions(dirs: ExtensionDir[]): WebPixelExtension[] {
  return dirs.filter((d) => d.type === "web_pixel_extension").map((d) => {
    const entry = ["src/index.ts", "src/index.js", "src/index.tsx", "src/index.jsx"].map((f) => path.join(d.root, f)).find(existsSync);
    if (!entry) throw new Error(`${d.root}: web pixel extension without src/index.(ts|js)`);
    const privacy = (d.toml.customer_privacy ?? {}) as Record<string, unknown>;
    const fields = ((d.toml.settings as { fields?: Record<string, { type?: string; name?: string }> } | undefined)?.fields) ?? {};
    return {
      handle: d.handle,
      root: d.root,
      entry,
      runtimeContext: String(d.toml.runtime_context ?? "strict"),
      requires: {
        analytics: privacy.analytics === true,
        marketing: privacy.marketing === true,
        preferences: privacy.preferences === true,
        saleOfData: privacy.sale_of_data === "enabled",
      },
      settingsFields: fields,
    };
  });
}

const bundles = new Map<string, { mtime: number; code: string }>();

/** The pixel's bundle (cached until its entry file changes). */
export async function bundlePixel(ext: WebPixelExtension): Promise<string> {
  const mtime = statSync(ext.entry).mtimeMs;
  const cached = bundles.get(ext.entry);
  if (cached && cached.mtime === mtime) return cached.code;
  const result = await build({
    entryPoints: [ext.entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
    // The extension may have no node_modules of its own (test fixtures): resolve from the app's.
    nodePaths: [path.resolve("node_modules")],
  });
  const code = result.outputFiles[0]!.text;
  bundles.set(ext.entry, { mtime, code });
  return code;
}

/**
 * The settings the app gave its pixel on this shop (webPixelCreate/Update), or undefined when the
 * app has not connected a pixel there: Shopify then does not load it at all.
 */
export function pixelSettings(state: ShopifyState, shop: string, apiKey: string): Record<string, unknown> | undefined {
  // Read-only view of the platform domain's store (sandbox/shopify/platform/web-pixels.ts).
  const store = domainState(state, "web-pixels", () => new Map<string, { settings: string }>());
  const record = store.get(`${shop} ${apiKey}`);
  return record ? (JSON.parse(record.settings) as Record<string, unknown>) : undefined;
}
