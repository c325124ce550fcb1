import { registerNodeLoader } from "../catalog/resolvers/node";
import { requireScope } from "../catalog/resolvers/shared";
import { metafieldDefinition } from "./metafield-definitions";
import { metafieldNode } from "./metafield-fields";
import { findMetafieldByGid } from "./metafields-store";
import { metaobject } from "./metaobjects";
import { metaobjectDefinition } from "./metaobject-definitions";

// node(id:) / nodes(ids:) and reference fields for the content domain's Node types: a metaobject
// entry, a metaobject definition and a metafield definition load like their own root fields, with
// the same read scope; a metafield loads as its owner's metafield(...) read would show it.

registerNodeLoader("Metaobject", (gid, ctx, info) => {
  requireScope(ctx, info, "read_metaobjects");
  return metaobject({ id: gid }, ctx);
});
registerNodeLoader("MetaobjectDefinition", (gid, ctx, info) => {
  requireScope(ctx, info, "read_metaobject_definitions");
  return metaobjectDefinition({ id: gid }, ctx);
});
// metafieldDefinition(id:) itself takes no scope rule in the twin (access follows the owner type).
registerNodeLoader("MetafieldDefinition", (gid, ctx, info) => metafieldDefinition({ id: gid }, ctx, info));
registerNodeLoader("Metafield", (gid, ctx) => {
  const record = findMetafieldByGid(ctx.state, ctx.shop.domain, gid);
  return record ? metafieldNode(ctx, record) : null;
});
