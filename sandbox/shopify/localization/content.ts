import { createHash } from "node:crypto";
import type { ShopRecord, ShopifyState } from "../state";
import { marketNode } from "./markets";
import type { TranslationRecord } from "./store";
import type { TranslatableField, TranslatableResourceRecord } from "./translatable-sources";

// TranslatableContent and Translation shapes shared by the queries and both mutations.

/** Lowercase hex SHA-256 of the UTF-8 value: every digest in the captures matches this (quirks.md §2). */
export const contentDigest = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

/** Fields whose source value is null are not listed (a product without description has no body_html entry). */
export function contentFields(resource: TranslatableResourceRecord): (TranslatableField & { value: string })[] {
  return resource.fields.filter((f): f is TranslatableField & { value: string } => f.value !== null);
}

export function currentDigest(resource: TranslatableResourceRecord, key: string): string | null {
  const field = resource.fields.find((f) => f.key === key);
  return field && field.value !== null ? contentDigest(field.value) : null;
}

export const primaryLocale = (shop: ShopRecord) => shop.locales.find((l) => l.primary)?.locale ?? "en";

export function contentNodes(shop: ShopRecord, resource: TranslatableResourceRecord) {
  const locale = primaryLocale(shop);
  return contentFields(resource).map((f) => ({
    __typename: "TranslatableContent",
    key: f.key,
    value: f.value,
    digest: contentDigest(f.value),
    locale,
    type: f.type,
  }));
}

/** Outdated = the source changed since the translation was written (its digest no longer matches). */
export const isOutdated = (resource: TranslatableResourceRecord, t: TranslationRecord) => currentDigest(resource, t.key) !== t.sourceDigest;

export function translationNode(state: ShopifyState, shop: ShopRecord, resource: TranslatableResourceRecord, t: TranslationRecord) {
  const market = t.marketId === null ? undefined : shop.markets.find((m) => m.id === t.marketId);
  return {
    __typename: "Translation",
    key: t.key,
    value: t.value,
    locale: t.locale,
    outdated: isOutdated(resource, t),
    updatedAt: t.updatedAt,
    market: market ? marketNode(state, shop, market) : null,
  };
}
