import type { ShopifyState } from "../state";

// Where translatable content comes from: each domain that owns translatable resources (catalog:
// PRODUCT, COLLECTION, PRODUCT_OPTION, MEDIA_IMAGE…; content: METAFIELD, METAOBJECT…) registers a
// source. The localization domain serves translatableResource(s) and translationsRegister from them.
export interface TranslatableField {
  key: string; // e.g. "title", "body_html", "handle", "meta_title"
  value: string | null; // source value in the shop's primary locale
  type: string; // LocalizableContentType: SINGLE_LINE_TEXT_FIELD, HTML, URI, MULTI_LINE_TEXT_FIELD, …
  /** false => translationsRegister with a marketId fails RESOURCE_NOT_MARKET_CUSTOMIZABLE (e.g. packing slip `body`). Default true. */
  marketCustomizable?: boolean;
}
export interface TranslatableSource {
  resourceType: string; // TranslatableResourceType enum value
  list(state: ShopifyState, shop: string): Iterable<{ gid: string; fields: TranslatableField[] }>;
  find(state: ShopifyState, shop: string, gid: string): { gid: string; fields: TranslatableField[] } | undefined;
}

const sources = new Map<string, TranslatableSource>();
// Tests swap in their own source for a type; an override wins over any registration, whenever the
// owning domain registers (at import, at seed or lazily).
const overrides = new Map<string, TranslatableSource>();

// Registering a type again replaces its source: the registering modules may call this more than once.
export function registerTranslatableSource(source: TranslatableSource): void {
  sources.set(source.resourceType, source);
}

/** Serves `source` for its type until the returned function is called (tests). */
export function overrideTranslatableSource(source: TranslatableSource): () => void {
  overrides.set(source.resourceType, source);
  return () => {
    if (overrides.get(source.resourceType) === source) overrides.delete(source.resourceType);
  };
}

export function translatableSource(resourceType: string): TranslatableSource | undefined {
  return overrides.get(resourceType) ?? sources.get(resourceType);
}

export function translatableSources(): TranslatableSource[] {
  const types = new Set([...sources.keys(), ...overrides.keys()]);
  return [...types].map((t) => translatableSource(t)!);
}

export interface TranslatableResourceRecord { resourceType: string; gid: string; fields: TranslatableField[] }

/** The resource behind `gid` in any registered source, or undefined (unknown id, or a type no domain serves yet). */
export function findTranslatableResource(state: ShopifyState, shop: string, gid: string): TranslatableResourceRecord | undefined {
  for (const source of translatableSources()) {
    const found = source.find(state, shop, gid);
    if (found) return { resourceType: source.resourceType, gid: found.gid, fields: found.fields };
  }
  return undefined;
}
