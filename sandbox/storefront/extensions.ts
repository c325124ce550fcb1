import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";

// The app's extensions as `shopify app deploy` would find them: every folder under extensions/
// (plus extra folders, e.g. test fixtures) with a shopify.extension.toml. Re-read on every request
// so editing a block shows on reload, like `shopify app dev`.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const APP_EXTENSIONS_DIR = path.join(repoRoot, "extensions");

export interface ExtensionDir {
  root: string;
  handle: string; // folder name
  type: string; // "theme", "web_pixel_extension", …
  name: string;
  toml: Record<string, unknown>;
}

/** `dirs` may name extension folders themselves or folders that contain them (like extensions/). */
export function discoverExtensions(dirs: string[]): ExtensionDir[] {
  const found: ExtensionDir[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const own = readExtension(dir);
    if (own) {
      found.push(own);
      continue;
    }
    for (const entry of readdirSync(dir).sort()) {
      const child = path.join(dir, entry);
      if (statSync(child).isDirectory()) {
        const ext = readExtension(child);
        if (ext) found.push(ext);
      }
    }
  }
  return found;
}

function readExtension(dir: string): ExtensionDir | undefined {
  const file = ["shopify.extension.toml", "extension.toml"].map((f) => path.join(dir, f)).find(existsSync);
  if (!file) return undefined;
  const toml = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // CLI 3.x+ wraps settings in [[extensions]]; older files are flat. Both deploy.
  const flat = Array.isArray(toml.extensions) ? { ...toml, ...(toml.extensions[0] as Record<string, unknown>) } : toml;
  const type = String(flat.type ?? "");
  if (!type) throw new Error(`${file}: missing type`);
  return { root: dir, handle: String(flat.handle ?? path.basename(dir)), type, name: String(flat.name ?? path.basename(dir)), toml: flat };
}

export interface BlockSetting { id?: string; type: string; label?: string; default?: unknown; options?: { value: string; label: string }[] }

export interface BlockSchema {
  name: string;
  target: "section" | "head" | "body" | "compliance_head";
  javascript?: string;
  stylesheet?: string;
  class?: string;
  tag?: string | null;
  settings?: BlockSetting[];
  enabled_on?: { templates?: string[]; groups?: string[] };
  disabled_on?: { templates?: string[]; groups?: string[] };
  available_if?: string;
  [key: string]: unknown;
}

export interface ThemeBlock { handle: string; file: string; source: string; schema: BlockSchema; isEmbed: boolean }

export interface ThemeExtension { handle: string; root: string; name: string; blocks: ThemeBlock[]; locales: Record<string, unknown>; defaultLocale: string | undefined }

const SCHEMA = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/g;

export function loadThemeExtension(ext: ExtensionDir): ThemeExtension {
  const blocksDir = path.join(ext.root, "blocks");
  const blocks: ThemeBlock[] = [];
  for (const file of existsSync(blocksDir) ? readdirSync(blocksDir).filter((f) => f.endsWith(".liquid")).sort() : []) {
    const full = path.join(blocksDir, file);
    const source = readFileSync(full, "utf8");
    const schema = blockSchema(source, `${ext.handle}/blocks/${file}`);
    blocks.push({ handle: file.replace(/\.liquid$/, ""), file: full, source, schema, isEmbed: schema.target !== "section" });
  }
  const { locales, defaultLocale } = readLocales(path.join(ext.root, "locales"));
  return { handle: ext.handle, root: ext.root, name: ext.name, blocks, locales, defaultLocale };
}

/** The block's {% schema %} JSON (exactly one, strict JSON: no comments or trailing commas, as Shopify requires). */
export function blockSchema(source: string, where: string): BlockSchema {
  const matches = [...source.matchAll(SCHEMA)];
  if (matches.length !== 1) throw new Error(`${where}: an app block needs exactly one {% schema %} tag, found ${matches.length}`);
  let schema: BlockSchema;
  try {
    schema = JSON.parse(matches[0]![1]!) as BlockSchema;
  } catch (error) {
    throw new Error(`${where}: {% schema %} is not valid JSON (${(error as Error).message})`);
  }
  if (!schema.name) throw new Error(`${where}: schema "name" is required`);
  if (!["section", "head", "body", "compliance_head"].includes(schema.target)) throw new Error(`${where}: schema "target" must be section, head, compliance_head or body`);
  if (schema.enabled_on && schema.disabled_on) throw new Error(`${where}: use only one of enabled_on / disabled_on`);
  const ids = new Set<string>();
  for (const s of schema.settings ?? []) {
    if (!s.id) continue;
    if (ids.has(s.id)) throw new Error(`${where}: duplicate setting id "${s.id}"`);
    ids.add(s.id);
  }
  return schema;
}

function readLocales(dir: string): { locales: Record<string, unknown>; defaultLocale: string | undefined } {
  const locales: Record<string, unknown> = {};
  let defaultLocale: string | undefined;
  if (!existsSync(dir)) return { locales, defaultLocale };
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(".json") || file.endsWith(".schema.json")) continue; // *.schema.json is for the theme editor
    const m = /^([a-zA-Z-]+?)(\.default)?\.json$/.exec(file);
    if (!m) continue;
    locales[m[1]!] = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    if (m[2]) defaultLocale = m[1];
  }
  return { locales, defaultLocale };
}

/** Default values of a block's settings, as the theme editor fills them in when a block is added. */
export function defaultSettings(schema: BlockSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of schema.settings ?? []) {
    if (!s.id) continue; // header / paragraph settings carry no value
    out[s.id] = s.default ?? (s.type === "checkbox" ? false : null);
  }
  return out;
}
