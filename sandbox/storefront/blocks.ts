import { createHash } from "node:crypto";
import type { Liquid } from "liquidjs";
import type { StorefrontContext } from "./context";
import { defaultSettings, type ThemeBlock, type ThemeExtension } from "./extensions";
import { createBlockEngine, LiquidBlockError } from "./liquid";
import type { Placements } from "./placements";

// Renders the merchant's app blocks and app embeds of one page with the blocks' own Liquid, and
// collects the assets their schemas name (each injected once per page, deferred, like Shopify).

export interface PageAssets { scripts: Set<string>; stylesheets: Set<string> }

export interface RenderedAppContent { section: string; head: string; body: string; assets: PageAssets }

export const extensionAssetBase = (ext: Pick<ThemeExtension, "handle">) => `/cdn/shop/extensions/${encodeURIComponent(ext.handle)}/assets`;

export async function renderAppContent(ctx: StorefrontContext, extensions: ThemeExtension[], placements: Placements, globals: Record<string, unknown>): Promise<RenderedAppContent> {
  const assets: PageAssets = { scripts: new Set(), stylesheets: new Set() };
  const engines = new Map<ThemeExtension, Liquid>();
  const engineFor = (ext: ThemeExtension) => {
    let e = engines.get(ext);
    if (!e) engines.set(ext, (e = createBlockEngine({ ext, ctx, assetBase: extensionAssetBase(ext) })));
    return e;
  };
  const out = { section: "", head: "", body: "" };
  const template = ctx.template;

  for (const [i, placement] of placements.blocks.entries()) {
    if (!placement.templates.includes(template as never)) continue;
    for (const { ext, block } of pick(extensions, placement.extension, placement.block, false)) {
      if (placement.block === "*" && !allowedOn(block, template)) continue;
      if (!allowedOn(block, template)) throw new LiquidBlockError(where(ext, block), `the block is not available on the ${template} template (enabled_on/disabled_on)`);
      const id = placement.id ?? blockId(`${ext.handle}/${block.handle}/${template}/${i}`);
      out.section += await renderOne(ctx, engineFor(ext), ext, block, id, placement.settings, globals, assets);
    }
  }
  for (const [i, placement] of placements.embeds.entries()) {
    for (const { ext, block } of pick(extensions, placement.extension, placement.block, true)) {
      if (!allowedOn(block, template)) continue;
      const id = placement.id ?? blockId(`${ext.handle}/${block.handle}/embed/${i}`);
      const html = await renderOne(ctx, engineFor(ext), ext, block, id, placement.settings, globals, assets);
      if (block.schema.target === "body") out.body += html;
      else if (block.schema.target === "compliance_head") out.head = html + out.head;
      else out.head += html;
    }
  }
  return { ...out, assets };
}

function pick(extensions: ThemeExtension[], extension: string, block: string, embeds: boolean): { ext: ThemeExtension; block: ThemeBlock }[] {
  const exts = extensions.filter((e) => extension === "*" || e.handle === extension);
  const found = exts.flatMap((ext) => ext.blocks.filter((b) => b.isEmbed === embeds && (block === "*" || b.handle === block)).map((b) => ({ ext, block: b })));
  if (block !== "*" && !found.length) {
    throw new LiquidBlockError("placements.json", `no app ${embeds ? "embed" : "block"} "${block}" in extension ${extension === "*" ? "(any)" : `"${extension}"`}`);
  }
  return found;
}

function allowedOn(block: ThemeBlock, template: string): boolean {
  const { enabled_on, disabled_on } = block.schema;
  const matches = (list: string[] | undefined) => !!list && (list.includes("*") || list.includes(template));
  if (enabled_on?.templates) return matches(enabled_on.templates);
  if (disabled_on?.templates) return !matches(disabled_on.templates);
  return true;
}

/** Stable, CSS-safe block ids shaped like Shopify's ("AbC…__123…"). */
function blockId(seed: string): string {
  const h = createHash("sha256").update(seed).digest();
  return `${h.subarray(0, 9).toString("base64url").replace(/[-_]/g, "x")}__${h.readBigUInt64BE(9) % 10n ** 18n}`;
}

const where = (ext: ThemeExtension, block: ThemeBlock) => `${ext.handle}/blocks/${block.handle}.liquid`;

async function renderOne(
  ctx: StorefrontContext, engine: Liquid, ext: ThemeExtension, block: ThemeBlock, id: string,
  placed: Record<string, unknown>, globals: Record<string, unknown>, assets: PageAssets,
): Promise<string> {
  const { schema } = block;
  const settings = { ...defaultSettings(schema) };
  for (const [key, value] of Object.entries(placed)) {
    if (!(key in settings)) throw new LiquidBlockError(where(ext, block), `placement sets "${key}", which the block's schema does not declare`);
    settings[key] = value;
  }
  const scope = {
    block: { id, settings, type: `shopify://apps/${ext.name}/blocks/${block.handle}/${id}`, shopify_attributes: "", location: null },
    section: { id: `shopify-section-apps-${ctx.template}` }, // parent section exposes only its id to app blocks
  };
  try {
    if (schema.available_if) {
      const available = (await engine.parseAndRender(schema.available_if, scope, { globals })).trim();
      if (available !== "true") return "";
    }
    const html = await engine.parseAndRender(block.source, scope, { globals });
    const base = extensionBase(ext);
    if (schema.javascript) assets.scripts.add(`${base}/${encodeURIComponent(schema.javascript)}`);
    if (schema.stylesheet) assets.stylesheets.add(`${base}/${encodeURIComponent(schema.stylesheet)}`);
    if (schema.target === "head" || schema.target === "compliance_head") return html;
    if (schema.tag === null) return html;
    const tag = schema.tag ?? "div";
    const cls = ["shopify-block", "shopify-app-block", schema.class].filter(Boolean).join(" ");
    return `<${tag} id="shopify-block-${id}" class="${cls}">${html}</${tag}>`;
  } catch (error) {
    if (error instanceof LiquidBlockError) throw error;
    throw new LiquidBlockError(where(ext, block), (error as Error).message);
  }
}

const extensionBase = extensionAssetBase;
