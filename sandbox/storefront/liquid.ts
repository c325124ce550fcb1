import path from "node:path";
import { Liquid, Tag, type TagToken, type TopLevelToken } from "liquidjs";
import type { StorefrontContext } from "./context";
import type { ThemeExtension } from "./extensions";
import { formatMoney, moneyFormatsFor } from "./money";
import { ImageObject } from "./objects";

// Liquid for theme app extension blocks: liquidjs in strict mode (unknown filters, tags and
// objects throw) plus the Shopify filters and tags blocks use. Tags Shopify rejects in app
// blocks (theme-check AppBlockValidTags) throw with a message saying what to use instead.

export class LiquidBlockError extends Error {
  constructor(readonly where: string, message: string) {
    super(`Liquid error in ${where}: ${message}`);
  }
}

/** Output of image_url: prints as the URL; image_tag reads the dimensions it carries. */
export class ImageUrl {
  constructor(readonly url: string, readonly width: number | null, readonly height: number | null, readonly alt: string, readonly original: { width: number; height: number } | null) {}
  toString(): string {
    return this.url;
  }
}

const SRCSET_WIDTHS = [352, 832, 1200, 1920, 2560, 3840];
const MAX_IMAGE_SIZE = 5760;

type KeywordArgs = Record<string, unknown>;

/** liquidjs passes `filter: a, key: value` as positional values and [key, value] pairs. */
function split(args: unknown[]): { positional: unknown[]; keywords: KeywordArgs } {
  const positional: unknown[] = [];
  const keywords: KeywordArgs = {};
  for (const a of args) {
    if (Array.isArray(a) && a.length === 2 && typeof a[0] === "string") keywords[a[0]] = a[1];
    else positional.push(a);
  }
  return { positional, keywords };
}

function imageSource(input: unknown): ImageObject | string | undefined {
  if (input instanceof ImageObject) return input;
  if (typeof input === "string") return input;
  if (input && typeof input === "object") {
    const o = input as Record<string, unknown>;
    if (o.featured_image instanceof ImageObject) return o.featured_image; // product, variant, collection
    if (o.image instanceof ImageObject) return o.image;
    if (o.value instanceof ImageObject) return o.value; // file_reference metafield
  }
  return undefined;
}

export function imageUrl(input: unknown, ...args: unknown[]): ImageUrl {
  const source = imageSource(input);
  if (!source) throw new Error(`image_url: expected an image, product, variant or URL, got ${describe(input)}`);
  const { keywords } = split(args);
  const reqW = keywords.width === undefined ? null : Number(keywords.width);
  const reqH = keywords.height === undefined ? null : Number(keywords.height);
  for (const [name, v] of [["width", reqW], ["height", reqH]] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 1 || v > MAX_IMAGE_SIZE)) throw new Error(`image_url: ${name} must be an integer between 1 and ${MAX_IMAGE_SIZE}`);
  }
  const base = typeof source === "string" ? source : source.src;
  const url = new URL(base, "http://storefront.invalid");
  if (typeof source !== "string") url.searchParams.set("v", "1");
  if (reqW !== null) url.searchParams.set("width", String(reqW));
  if (reqH !== null) url.searchParams.set("height", String(reqH));
  if (typeof keywords.crop === "string") url.searchParams.set("crop", keywords.crop);
  const href = url.origin === "http://storefront.invalid" ? `${url.pathname}${url.search}` : url.toString();
  if (typeof source === "string") return new ImageUrl(href, reqW, reqH, "", null);
  // The CDN never upscales: dimensions are the requested box fitted to the original's aspect ratio.
  const ratio = source.width / source.height;
  let w = source.width;
  let h = source.height;
  if (reqW !== null && reqH !== null && keywords.crop) { w = Math.min(reqW, source.width); h = Math.min(reqH, source.height); }
  else if (reqW !== null && reqH !== null) { w = Math.min(reqW, reqH * ratio, source.width); h = w / ratio; }
  else if (reqW !== null) { w = Math.min(reqW, source.width); h = w / ratio; }
  else if (reqH !== null) { h = Math.min(reqH, source.height); w = h * ratio; }
  return new ImageUrl(href, Math.round(w), Math.round(h), source.alt, { width: source.width, height: source.height });
}

const escapeAttr = (v: unknown) => String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function imageTag(input: unknown, ...args: unknown[]): string {
  if (!(input instanceof ImageUrl)) throw new Error(`image_tag: expected the output of image_url, got ${describe(input)}`);
  const { keywords } = split(args);
  let width = keywords.width !== undefined ? Number(keywords.width) : input.width;
  let height = keywords.height !== undefined ? Number(keywords.height) : input.height;
  if (input.original && keywords.width !== undefined && keywords.height === undefined) height = Math.round(Number(width) / (input.original.width / input.original.height));
  if (input.original && keywords.height !== undefined && keywords.width === undefined) width = Math.round(Number(height) * (input.original.width / input.original.height));
  // width/height on every image keep layout shift at zero; an image without known size is a bug here.
  if (!width || !height) throw new Error("image_tag: the image's width and height are unknown (pass width: and height:)");
  const attrs: [string, unknown][] = [["src", input.url], ["alt", keywords.alt ?? input.alt]];
  if (input.original) {
    const max = input.width ?? input.original.width;
    const widths = typeof keywords.widths === "string" ? keywords.widths.split(",").map((w) => Number(w.trim())) : SRCSET_WIDTHS.filter((w) => w < max).concat(max);
    const srcset = widths.filter((w) => w <= input.original!.width).map((w) => {
      const u = new URL(input.url, "http://x");
      u.searchParams.set("width", String(w));
      u.searchParams.delete("height");
      return `${u.pathname}${u.search} ${w}w`;
    });
    if (srcset.length) attrs.push(["srcset", srcset.join(", ")]);
  }
  attrs.push(["width", width], ["height", height]);
  for (const key of ["loading", "class", "sizes", "id", "fetchpriority", "decoding"]) if (keywords[key] !== undefined && keywords[key] !== null) attrs.push([key, keywords[key]]);
  for (const [key, value] of Object.entries(keywords)) {
    if (key.startsWith("data-") || key.startsWith("aria-")) attrs.push([key, value]);
  }
  return `<img ${attrs.map(([k, v]) => `${k}="${escapeAttr(v)}"`).join(" ")}>`;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (typeof v === "object") return v.constructor?.name ?? "object";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Extension translations: locales/<locale>.json, falling back to the *.default.json file. */
export function translate(ext: Pick<ThemeExtension, "locales" | "defaultLocale">, locale: string, key: string, keywords: KeywordArgs): string {
  const lookup = (tree: unknown) => key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), tree);
  const language = locale.split("-")[0]!;
  const candidates = [ext.locales[locale], ext.locales[language], ext.defaultLocale ? ext.locales[ext.defaultLocale] : undefined];
  let value: unknown;
  for (const tree of candidates) {
    value = lookup(tree);
    if (value !== undefined) break;
  }
  if (value && typeof value === "object" && keywords.count !== undefined) {
    const plural = value as Record<string, unknown>;
    const count = Number(keywords.count);
    value = (count === 0 && plural.zero) || (count === 1 ? plural.one : plural.other) || plural.other;
  }
  if (typeof value !== "string") return `translation missing: ${locale}.${key}`;
  const raw = key.endsWith("_html");
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => {
    const v = keywords[name];
    return v === undefined || v === null ? "" : raw ? String(v) : escapeAttr(v);
  });
}

/** Tags that parse but must not appear in app blocks; the message names the replacement. */
const REJECTED_TAGS: Record<string, string> = {
  javascript: `{% javascript %} is not supported in theme app extension blocks: put the file in assets/ and name it in the schema's "javascript"`,
  stylesheet: `{% stylesheet %} is not supported in theme app extension blocks: put the file in assets/ and name it in the schema's "stylesheet"`,
  include: "{% include %} is not supported in theme app extensions: use {% render %}",
  layout: "{% layout %} is not available to theme app extension blocks",
  section: "{% section %} is not available to theme app extension blocks",
  sections: "{% sections %} is not available to theme app extension blocks",
  block: "tag \"block\" is not a Shopify Liquid tag",
};

class SchemaTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    while (remain.length) {
      const next = remain.shift()!;
      if ((next as TagToken).name === "endschema") return;
    }
    throw new Error("tag {% schema %} not closed");
  }
  render(): string {
    return ""; // the schema configures the block; it never renders
  }
}

function rejectedTag(message: string) {
  return class extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      throw new Error(message);
    }
    render(): string {
      return "";
    }
  };
}

export interface BlockEngineOptions {
  ext: ThemeExtension;
  ctx: StorefrontContext;
  /** URL path under which the storefront serves this extension's assets/. */
  assetBase: string;
}

/** One strict Liquid engine for rendering blocks of `ext` on this request. */
export function createBlockEngine({ ext, ctx, assetBase }: BlockEngineOptions): Liquid {
  const engine = new Liquid({
    root: [path.join(ext.root, "blocks")],
    partials: [path.join(ext.root, "snippets")],
    extname: ".liquid",
    relativeReference: false,
    strictFilters: true,
    strictVariables: true,
    lenientIf: true, // Shopify's `if x` / `x | default` on nil is normal Liquid, not an error
    ownPropertyOnly: true,
    jsTruthy: false,
    cache: false,
  });
  const formats = moneyFormatsFor(ctx.currency);
  const money = (format: string) => (cents: unknown) => (cents === null || cents === undefined || cents === "" ? "" : formatMoney(Number(cents), format));
  engine.registerFilter("money", money(formats.moneyFormat));
  engine.registerFilter("money_with_currency", money(formats.moneyWithCurrencyFormat));
  engine.registerFilter("money_without_currency", money("{{amount}}"));
  engine.registerFilter("money_without_trailing_zeros", (cents: unknown) => money(formats.moneyFormat)(cents).replace(/[.,]00(?=\D*$)/, ""));
  engine.registerFilter("image_url", imageUrl);
  engine.registerFilter("image_tag", imageTag);
  engine.registerFilter("asset_url", (file: unknown) => {
    if (typeof file !== "string" || !file || file.includes("..") || file.includes("/")) throw new Error(`asset_url: expected a file name in assets/, got ${describe(file)}`);
    return `${assetBase}/${encodeURIComponent(file)}`;
  });
  engine.registerFilter("t", (key: unknown, ...args: unknown[]) => translate(ext, ctx.loc.locale, String(key), split(args).keywords));
  engine.registerFilter("json", (value: unknown) => JSON.stringify(value ?? null));
  engine.registerTag("schema", SchemaTag);
  for (const [name, message] of Object.entries(REJECTED_TAGS)) engine.registerTag(name, rejectedTag(message));
  return engine;
}
