import type { GraphQLResolveInfo } from "graphql";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { installationNode } from "../admin-graphql/resolvers/app-installation";
import { shop } from "../admin-graphql/resolvers/shop";
import { node } from "../catalog/resolvers/node";
import { marketNode } from "../localization/markets";
import { gid, type AdminContext } from "../admin-graphql/context";
import { resolveAppPrefix } from "../platform/app-identity";
import { definitionForMetafield, metafieldDefinitionNode } from "./metafield-definitions";
import { metafieldsOf, type MetafieldRecord } from "./metafields-store";
import { nodeTypename, ownerRef, ownerType, gidType } from "./owners";
import { referenceFields } from "./references";

// The GraphQL side of metafields: the Metafield object, and the HasMetafields fields every owner
// exposes. Owner resolvers (products, collections, shop, …) spread `metafieldOwnerFields(ctx, gid)`
// into their objects so `metafield(namespace:, key:)` and `metafields(...)` read the same store.

export function metafieldNode(ctx: AdminContext, r: MetafieldRecord) {
  const typename = nodeTypename(ctx, r.ownerGid) ?? gidType(r.ownerGid) ?? "";
  return {
    __typename: "Metafield",
    id: r.gid,
    legacyResourceId: String(r.legacyId),
    namespace: r.namespace,
    key: r.key,
    type: r.type,
    value: r.value,
    jsonValue: r.jsonValue,
    compareDigest: r.compareDigest,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ownerType: ownerType(typename) ?? null,
    owner: (_args: unknown, _ctx: AdminContext, info: GraphQLResolveInfo) => ownerNode(ctx, r.ownerGid, info),
    definition: () => {
      const d = definitionForMetafield(ctx, r.ownerGid, r.namespace, r.key);
      return d ? metafieldDefinitionNode(ctx, d) : null;
    },
    sizeInBytes: Buffer.byteLength(r.value),
    ...referenceFields(r.type, r.jsonValue),
  };
}

/**
 * `Metafield.owner`: the owner object itself (shop, app installation, or a node the twin can load),
 * so owner fields beyond the id resolve; an owner type without a loader keeps the id-only reference.
 */
function ownerNode(ctx: AdminContext, ownerGid: string, info: GraphQLResolveInfo): unknown {
  const typename = nodeTypename(ctx, ownerGid);
  if (typename === "Shop") return shop({}, ctx);
  if (typename === "AppInstallation") return installationNode(ctx);
  if (typename === "Market") {
    const m = ctx.shop.markets.find((x) => gid("Market", x.id) === ownerGid);
    if (m) return marketNode(ctx.state, ctx.shop, m);
  }
  try {
    return node({ id: ownerGid }, ctx, info) ?? ownerRef(ctx, ownerGid);
  } catch {
    return ownerRef(ctx, ownerGid); // no loader for this owner type (or its read scope is missing)
  }
}

interface MetafieldsArgs extends ConnectionArgs { namespace?: string | null; keys?: string[] | null }

export function metafieldOwnerFields(ctx: AdminContext, ownerGid: string) {
  return {
    metafield: (args: { namespace?: string | null; key: string }) => {
      const namespace = resolveAppPrefix(args.namespace, ctx.token.apiKey);
      const record = metafieldsOf(ctx.state, ctx.shop.domain, ownerGid).get(`${namespace}.${args.key}`);
      return record ? metafieldNode(ctx, record) : null;
    },
    metafields: (args: MetafieldsArgs) => {
      const namespace = args.namespace == null ? undefined : resolveAppPrefix(args.namespace, ctx.token.apiKey);
      const keys = args.keys?.map((k) => {
        const dot = k.lastIndexOf(".");
        return `${resolveAppPrefix(k.slice(0, dot), ctx.token.apiKey)}.${k.slice(dot + 1)}`;
      });
      const rows = [...metafieldsOf(ctx.state, ctx.shop.domain, ownerGid).values()]
        .filter((r) => (namespace === undefined || r.namespace === namespace) && (!keys || keys.includes(`${r.namespace}.${r.key}`)))
        .sort((a, b) => a.legacyId - b.legacyId);
      return connection(rows.map((r) => metafieldNode(ctx, r)), args, (m) => m.id);
    },
  };
}
