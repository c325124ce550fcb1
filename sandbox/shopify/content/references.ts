import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../admin-graphql/context";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { node } from "../catalog/resolvers/node";
import { definitionForMetafield } from "./metafield-definitions";
import { metafieldOwners } from "./metafields-store";
import { definitionByType, metaobjectStore } from "./metaobjects-store";

// Reference fields of metafields and metaobject fields, and Metaobject.referencedBy.
// Captured (metaobject-reference-lifecycle.json): a single reference type answers `reference` (the
// referenced node) and `references: null`; a list reference type answers `reference: null` and a
// `references` connection in list order; any other type answers null for both. `referencedBy` lists
// one MetafieldRelation per referencing field: key and name of the field, the referencing metaobject's
// type as namespace, and the referencer; a referencer's fields come in field-definition order
// (single_ref before list_ref), referencers in creation order.

const isReferenceType = (type: string) => type.replace(/^list\./, "").endsWith("_reference");

/** The gids a stored reference value names (one for a single reference, the list's entries otherwise). */
export function referencedGids(type: string, jsonValue: unknown): string[] {
  if (!isReferenceType(type) || jsonValue == null) return [];
  return (Array.isArray(jsonValue) ? jsonValue : [jsonValue]).filter((v): v is string => typeof v === "string");
}

/** `reference` / `references` of a Metafield or MetaobjectField with this type and stored jsonValue. */
export function referenceFields(type: string, jsonValue: unknown) {
  const list = type.startsWith("list.");
  const gids = referencedGids(type, jsonValue);
  return {
    reference: (_args: unknown, ctx: AdminContext, info: GraphQLResolveInfo) => (!list && gids[0] ? node({ id: gids[0] }, ctx, info) : null),
    references: (args: ConnectionArgs, ctx: AdminContext, info: GraphQLResolveInfo) => {
      if (!list || !isReferenceType(type)) return null;
      // Entries whose target no longer exists are left out (the twin never invents a node).
      const nodes = gids.map((id) => node({ id }, ctx, info)).filter((n) => n != null);
      return connection(nodes, args, (n) => String(nodes.indexOf(n))); // list positions, like Shopify's cursors
    },
  };
}

interface Relation { order: [number, number]; key: string; name: string; namespace: string; referencer: () => unknown }

/** Metaobject.referencedBy: the metaobject fields and metafields whose value names `target`. */
export function referencedBy(ctx: AdminContext, target: string, args: ConnectionArgs, info: GraphQLResolveInfo) {
  const relations: Relation[] = [];
  for (const o of metaobjectStore(ctx.state).objects.values()) {
    if (o.shop !== ctx.shop.domain) continue;
    const def = definitionByType(ctx.state, o.shop, o.type);
    def?.fieldDefinitions.forEach((fd, i) => {
      const stored = o.fields.get(fd.key);
      if (!stored || !referencedGids(fd.type, stored.jsonValue).includes(target)) return;
      const referencer = `gid://shopify/Metaobject/${o.id}`;
      relations.push({ order: [o.id, i], key: fd.key, name: fd.name, namespace: o.type, referencer: () => node({ id: referencer }, ctx, info) });
    });
  }
  for (const [ownerGid, rows] of metafieldOwners(ctx.state, ctx.shop.domain)) {
    for (const r of rows.values()) {
      if (!referencedGids(r.type, r.jsonValue).includes(target)) continue;
      // A metafield's relation name is its definition's name; a value without a definition was not captured.
      const definition = definitionForMetafield(ctx, ownerGid, r.namespace, r.key);
      if (!definition) throw notImplemented(info, "Metaobject.referencedBy for a metafield without a definition");
      relations.push({ order: [r.legacyId, 0], key: r.key, name: definition.name, namespace: r.namespace, referencer: () => node({ id: ownerGid }, ctx, info) });
    }
  }
  relations.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const nodes = relations.map((r) => ({ __typename: "MetafieldRelation", key: r.key, name: r.name, namespace: r.namespace, referencer: r.referencer }));
  return connection(nodes, args, (n) => relations[nodes.indexOf(n)]!.order.join("."));
}
