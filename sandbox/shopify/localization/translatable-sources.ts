import type { ShopifyState } from "../state";

// Where translatable content comes from: each domain that owns translatable resources (catalog:
// PRODUCT, COLLECTION, PRODUCT_OPTION, MEDIA_IMAGE…; content: METAFIELD, METAOBJECT…) registers a
// source. The localization domain serves translatableResource(s) and translationsRegister from them.
export interface TranslatableField {
  key: string; // e.g. "title", "body_html", "handle", "meta_title"
  value: string | null; // source value in the shop's primary locale
  type: string; // LocalizableContentType: SINGLE_LINE_TEXT_FIELD, HTML, URI, MULTI_LINE_TEXT_FIELD, …
}
export interface TranslatableSource {
  resourceType: string; // TranslatableResourceType enum value
  list(state: ShopifyState, shop: string): Iterable<{ gid: string; fields: TranslatableField[] }>;
  find(state: ShopifyState, shop: string, gid: string): { gid: string; fields: TranslatableField[] } | undefined;
}

const sources = new Map<string, TranslatableSource>();

export function registerTranslatableSource(source: TranslatableSource): void {
  sources.set(source.resourceType, source);
}

export function translatableSource(resourceType: string): TranslatableSource | undefined {
  return sources.get(resourceType);
}

export function translatableSources(): TranslatableSource[] {
  return [...sources.values()];
}
