import { registerTranslatableSource, type TranslatableField } from "../localization/translatable-sources";
import type { ShopifyState } from "../state";
import { catalogOf } from "./store";
import type { CollectionRecord, MediaRecord, ProductRecord } from "./types";

// The catalog's translatable resources, keyed as Shopify keys them (captures/localization):
// title and handle always, product_type always for products (even empty), body_html and
// meta_title/meta_description only when the product or collection has them.

export function productTranslatableFields(p: ProductRecord): TranslatableField[] {
  const fields: TranslatableField[] = [{ key: "title", value: p.title, type: "SINGLE_LINE_TEXT_FIELD" }];
  if (p.descriptionHtml) fields.push({ key: "body_html", value: p.descriptionHtml, type: "HTML" });
  fields.push({ key: "handle", value: p.handle, type: "URI" }, { key: "product_type", value: p.productType, type: "SINGLE_LINE_TEXT_FIELD" });
  if (p.seo.title) fields.push({ key: "meta_title", value: p.seo.title, type: "MULTI_LINE_TEXT_FIELD" });
  if (p.seo.description) fields.push({ key: "meta_description", value: p.seo.description, type: "MULTI_LINE_TEXT_FIELD" });
  return fields;
}

export function collectionTranslatableFields(c: CollectionRecord): TranslatableField[] {
  const fields: TranslatableField[] = [{ key: "title", value: c.title, type: "SINGLE_LINE_TEXT_FIELD" }];
  if (c.descriptionHtml) fields.push({ key: "body_html", value: c.descriptionHtml, type: "HTML" });
  fields.push({ key: "handle", value: c.handle, type: "URI" });
  if (c.seo.title) fields.push({ key: "meta_title", value: c.seo.title, type: "MULTI_LINE_TEXT_FIELD" });
  if (c.seo.description) fields.push({ key: "meta_description", value: c.seo.description, type: "MULTI_LINE_TEXT_FIELD" });
  return fields;
}

// Not in the captures: Shopify's docs list `alt` as MEDIA_IMAGE's translatable key.
export const mediaTranslatableFields = (m: MediaRecord): TranslatableField[] => (m.alt ? [{ key: "alt", value: m.alt, type: "SINGLE_LINE_TEXT_FIELD" }] : []);

function* allMedia(state: ShopifyState, shop: string) {
  for (const p of catalogOf(state, shop).products.values()) yield* p.media;
}

export function registerCatalogTranslatableSources(): void {
  registerTranslatableSource({
    resourceType: "PRODUCT",
    *list(state, shop) {
      for (const p of catalogOf(state, shop).products.values()) yield { gid: p.gid, fields: productTranslatableFields(p) };
    },
    find(state, shop, gid) {
      const p = catalogOf(state, shop).products.get(gid);
      return p && { gid, fields: productTranslatableFields(p) };
    },
  });
  registerTranslatableSource({
    resourceType: "COLLECTION",
    *list(state, shop) {
      for (const c of catalogOf(state, shop).collections.values()) yield { gid: c.gid, fields: collectionTranslatableFields(c) };
    },
    find(state, shop, gid) {
      const c = catalogOf(state, shop).collections.get(gid);
      return c && { gid, fields: collectionTranslatableFields(c) };
    },
  });
  registerTranslatableSource({
    resourceType: "MEDIA_IMAGE",
    *list(state, shop) {
      for (const m of allMedia(state, shop)) yield { gid: m.gid, fields: mediaTranslatableFields(m) };
    },
    find(state, shop, gid) {
      if (!gid.startsWith("gid://shopify/MediaImage/")) return undefined;
      for (const m of allMedia(state, shop)) if (m.gid === gid) return { gid, fields: mediaTranslatableFields(m) };
      return undefined;
    },
  });
}
