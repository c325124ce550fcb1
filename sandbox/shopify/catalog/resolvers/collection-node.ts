import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { keysetConnection, sortBy, type SortValue } from "../keyset";
import { catalogOf } from "../store";
import type { CollectionRecord, ProductRecord } from "../types";
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
      const value = productInCollectionSort(args.sortKey ?? "COLLECTION_DEFAULT");
      return keysetConnection({ items: sortBy(members, value, (m) => m.p.legacyId), value, id: (m) => m.p.legacyId }, args, (m) => productNode(m.p, ctx));
    },
    ...metafieldFields(c.gid),
  };
}

function productInCollectionSort(sortKey: string): (m: { p: ProductRecord; pos: number }) => SortValue {
  switch (sortKey) {
    case "TITLE": return (m) => m.p.title.toLowerCase();
    case "CREATED": return (m) => Date.parse(m.p.createdAt);
    case "ID": return (m) => m.p.legacyId;
    case "PRICE": return (m) => Math.min(...m.p.variants.map((v) => Number(v.price)), Number.MAX_SAFE_INTEGER);
    default: return (m) => m.pos; // COLLECTION_DEFAULT, MANUAL, BEST_SELLING (no sales rank in the twin)
  }
}
