import type { GraphQLResolveInfo } from "graphql";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import type { AdminContext } from "../admin-graphql/context";
import type { ShopRecord, ShopifyState } from "../state";
import { contentNodes, isOutdated, translationNode } from "./content";
import { findMarket } from "./markets";
import { localizationOf, translationsOf } from "./store";
import { findTranslatableResource, translatableSource, type TranslatableResourceRecord } from "./translatable-sources";
import { unservedTypeProblem } from "./unmodelled-types";

// translatableResource / translatableResources / translatableResourcesByIds.
// Unknown ids read as null (single) or are left out (lists). A type no domain serves is listed as
// empty only when the twin cannot hold such resources (unmodelled-types.ts), as Shopify answers for
// a shop without articles (…-translatable-resource-absence.json); otherwise it fails loudly.

export function translatableResource(args: { resourceId: string }, { state, shop }: AdminContext) {
  const resource = findTranslatableResource(state, shop.domain, args.resourceId);
  return resource ? resourceNode(state, shop, resource) : null;
}

export function translatableResources(args: ConnectionArgs & { resourceType: string }, { state, shop }: AdminContext, info: GraphQLResolveInfo) {
  const source = translatableSource(args.resourceType);
  if (!source) {
    const why = unservedTypeProblem(state, shop.domain, args.resourceType);
    if (why) throw notImplemented(info, `translatableResources(resourceType: ${args.resourceType}) (${why})`);
  }
  const list = source ? [...source.list(state, shop.domain)].map((r) => ({ resourceType: args.resourceType, ...r })) : [];
  return page(state, shop, list, args);
}

export function translatableResourcesByIds(args: ConnectionArgs & { resourceIds: string[] }, { state, shop }: AdminContext) {
  const seen = new Set<string>();
  const list: TranslatableResourceRecord[] = [];
  for (const id of args.resourceIds) {
    const resource = seen.has(id) ? undefined : findTranslatableResource(state, shop.domain, id);
    seen.add(id);
    if (resource) list.push(resource);
  }
  return page(state, shop, list, args);
}

// Ordered by numeric id like Shopify's id-keyed cursors ({"last_id":…}); `reverse` flips it.
function page(state: ShopifyState, shop: ShopRecord, list: TranslatableResourceRecord[], args: ConnectionArgs) {
  const sorted = [...list].sort((a, b) => compareGid(a.gid, b.gid));
  return connection(sorted.map((r) => resourceNode(state, shop, r)), args, (n) => n.resourceId);
}

const compareGid = (a: string, b: string) => {
  const na = BigInt(/\d+$/.exec(a)?.[0] ?? "0");
  const nb = BigInt(/\d+$/.exec(b)?.[0] ?? "0");
  return na < nb ? -1 : na > nb ? 1 : a.localeCompare(b);
};

interface TranslationsArgs { locale: string; outdated?: boolean | null; marketId?: string | null }

export function resourceNode(state: ShopifyState, shop: ShopRecord, resource: TranslatableResourceRecord) {
  return {
    __typename: "TranslatableResource",
    resourceId: resource.gid,
    // marketId only narrows market-specific content; the twin's sources have one content set.
    translatableContent: () => contentNodes(shop, resource),
    // Exactly the requested scope: without marketId only shop-level translations, with it only that
    // market's (value-matches-original.json: a market read ignores the shop-level es translation).
    translations: (args: TranslationsArgs) => {
      const marketId = args.marketId == null ? null : (findMarket(shop, args.marketId)?.id ?? -1);
      return [...translationsOf(localizationOf(state, shop), resource.gid).values()]
        .filter((t) => t.locale === args.locale && t.marketId === marketId)
        .filter((t) => args.outdated == null || isOutdated(resource, t) === args.outdated)
        .map((t) => translationNode(state, shop, resource, t));
    },
  };
}
