import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { findNode } from "../../state";
import { catalogOf } from "../store";
import { collectionNode } from "./collection-node";
import { customerNode } from "./customer-node";
import { fileNodeById } from "../../content/files";
import { orderNode } from "./order-node";
import { visibleOrder } from "./orders";
import { productNode } from "./product-node";
import { requireScope } from "./shared";
import { variantNode } from "./variant-node";
import { findInventoryItem, inventoryItemNode } from "./inventory-item-node";

// QueryRoot.node / nodes over the twin's node registry. Each node type has a loader; the catalog
// registers its own, other domains can add theirs with registerNodeLoader. An unknown gid is null
// (captures: admin-platform-utility-roots.json "nodeNoData").

type Loader = (gid: string, ctx: AdminContext, info: GraphQLResolveInfo) => unknown;
const loaders = new Map<string, Loader>();

export function registerNodeLoader(typename: string, loader: Loader): void {
  loaders.set(typename, loader);
}

const catalog = (ctx: AdminContext) => catalogOf(ctx.state, ctx.shop.domain);

registerNodeLoader("Product", (gid, ctx, info) => {
  requireScope(ctx, info, "read_products");
  const p = catalog(ctx).products.get(gid);
  return p ? productNode(p, ctx) : null;
});
registerNodeLoader("ProductVariant", (gid, ctx, info) => {
  requireScope(ctx, info, "read_products");
  for (const p of catalog(ctx).products.values()) {
    const v = p.variants.find((x) => x.gid === gid);
    if (v) return variantNode(v, p, ctx);
  }
  return null;
});
registerNodeLoader("InventoryItem", (gid, ctx, info) => {
  requireScope(ctx, info, "read_inventory", "read_products");
  const found = findInventoryItem(ctx, gid);
  return found ? inventoryItemNode(found.v, found.p, ctx) : null;
});
// Files and product media (content/files.ts looks in the files store, then in product media).
for (const typename of ["MediaImage", "ExternalVideo", "GenericFile", "Video"]) {
  registerNodeLoader(typename, (gid, ctx, info) => {
    requireScope(ctx, info, "read_products", "read_files");
    return fileNodeById(ctx, gid);
  });
}
registerNodeLoader("Collection", (gid, ctx, info) => {
  requireScope(ctx, info, "read_products");
  const c = catalog(ctx).collections.get(gid);
  return c ? collectionNode(c, ctx) : null;
});
registerNodeLoader("Customer", (gid, ctx, info) => {
  requireScope(ctx, info, "read_customers");
  const c = catalog(ctx).customers.get(gid);
  return c ? customerNode(c, ctx) : null;
});
registerNodeLoader("Order", (gid, ctx, info) => {
  requireScope(ctx, info, "read_orders", "read_marketplace_orders");
  const o = catalog(ctx).orders.get(gid);
  return o && visibleOrder(o, ctx) ? orderNode(o, ctx) : null;
});

function load(gid: string, ctx: AdminContext, info: GraphQLResolveInfo): unknown {
  const registered = findNode(ctx.state, ctx.shop.domain, gid);
  if (!registered) return null;
  const loader = loaders.get(registered.typename);
  if (!loader) throw notImplemented(info, `node(id:) for ${registered.typename}`);
  return loader(gid, ctx, info);
}

export function node({ id }: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  return load(id, ctx, info);
}

export function nodes({ ids }: { ids: string[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  // Each entry resolves on its own: graphql-js turns a returned Error into a null entry plus an
  // error at ["nodes", i], so one denied id does not null the whole list.
  return ids.map((id) => {
    try {
      return load(id, ctx, info);
    } catch (error) {
      return error;
    }
  });
}
