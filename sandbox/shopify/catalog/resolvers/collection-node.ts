import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { keysetConnection, sortBy, type SortValue } from "../keyset";
import { catalogOf } from "../store";
import type { CatalogState, CollectionRecord, ProductRecord } from "../types";
import { productNode } from "./product-node";
import { count, metafieldFields, plainText, truncate } from "./shared";

export function collectionSortValue(sortKey: string): (c: CollectionRecord) => SortValue {
  if (sortKey === "TITLE") return (c) => c.title.toLowerCase();
  if (sortKey === "UPDATED_AT") return (c) => Date.parse(c.updatedAt);
  return (c) => c.legacyId;
}

export function collectionNode(c: CollectionRecord, ctx: AdminContext) {
  return {
    __typename: "Collection",
    id: c.gid,
    legacyResourceId: String(c.legacyId),
    title: c.title,
    handle: c.handle,
    descriptionHtml: c.descriptionHtml,
    description: ({ truncateAt }: { truncateAt?: number | null }) => truncate(plainText(c.descriptionHtml), truncateAt),
    updatedAt: c.updatedAt,
    seo: { __typename: "SEO", title: c.seo.title, description: c.seo.description },
    sortOrder: c.sortOrder,
    templateSuffix: c.templateSuffix ?? null,
    image: null,
    ruleSet: c.ruleSet && {
      __typename: "CollectionRuleSet",
      appliedDisjunctively: c.ruleSet.appliedDisjunctively,
      rules: c.ruleSet.rules.map((r) => ({ __typename: "CollectionRule", ...r, conditionObject: null })),
    },
    productsCount: count(c.productGids.length),
    hasProduct: ({ id }: { id: string }) => c.productGids.includes(id),
    products: (args: ConnectionArgs & { sortKey?: string | null }) => {
      const catalog = catalogOf(ctx.state, ctx.shop.domain);
      const members = c.productGids.map((gid, i) => ({ p: catalog.products.get(gid)!, pos: i + 1 })).filter((m) => m.p);
      const sortKey = args.sortKey ?? "COLLECTION_DEFAULT";
      // COLLECTION_DEFAULT follows the collection's sortOrder; the order is ranked once and the rank
      // is the keyset value (descending orders included).
      const ranked = rankMembers(catalog, members, sortKey === "COLLECTION_DEFAULT" ? c.sortOrder : sortKey);
      const rank = new Map(ranked.map((m, i) => [m, i]));
      return keysetConnection({ items: ranked, value: (m) => rank.get(m)!, id: (m) => m.p.legacyId }, args, (m) => productNode(m.p, ctx));
    },
    ...metafieldFields(c.gid),
  };
}

type Member = { p: ProductRecord; pos: number };

/** Units sold per product, from the shop's orders (BEST_SELLING). */
function unitsSold(catalog: CatalogState): Map<string, number> {
  const sold = new Map<string, number>();
  for (const o of catalog.orders.values()) for (const l of o.lines) if (l.productGid) sold.set(l.productGid, (sold.get(l.productGid) ?? 0) + l.quantity);
  return sold;
}

/**
 * Collection products in the order a sort key / CollectionSortOrder gives. BEST_SELLING ranks by
 * units sold, ties newest first: every captured BEST_SELLING collection lists unsold products by
 * descending id (collections-catalog.json, collection-detail.json, product-relationship-roots.json).
 */
function rankMembers(catalog: CatalogState, members: Member[], order: string): Member[] {
  const id = (m: Member) => m.p.legacyId;
  const minPrice = (m: Member) => Math.min(...m.p.variants.map((v) => Number(v.price)), Number.MAX_SAFE_INTEGER);
  const by = (value: (m: Member) => SortValue, desc = false) => {
    const asc = sortBy(members, value, id);
    return desc ? asc.reverse() : asc;
  };
  switch (order) {
    case "TITLE": case "ALPHA_ASC": return by((m) => m.p.title.toLowerCase());
    case "ALPHA_DESC": return by((m) => m.p.title.toLowerCase(), true);
    case "CREATED": return by((m) => Date.parse(m.p.createdAt));
    case "CREATED_DESC": return by((m) => Date.parse(m.p.createdAt), true);
    case "ID": return by(id);
    case "PRICE": case "PRICE_ASC": return by(minPrice);
    case "PRICE_DESC": return by(minPrice, true);
    case "BEST_SELLING": {
      const sold = unitsSold(catalog);
      return by((m) => sold.get(m.p.gid) ?? 0, true);
    }
    default: return by((m) => m.pos); // MANUAL, RELEVANCE
  }
}
