import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { emitShopEvent } from "../../events";
import { registerNode, unregisterNode } from "../../state";
import { deleteOwnerMetafields } from "../../content/metafields-store";
import { catalogOf, nextCatalogId, touchCatalog } from "../store";
import type { LinkedOptionRecord, ProductRecord, VariantRecord } from "../types";
import { findMetafieldDefinition } from "../../content/metafield-definitions";
import { metaobjectNode } from "../../content/metaobjects";
import { metaobjectStore } from "../../content/metaobjects-store";
import { freezeOptionIds, newInventoryItem, newOptionId, newOptionValueId, nowIso, optionIds, variantTitle } from "../variants";
import { productPayload } from "../webhook-payloads";
import { refreshSmartCollections } from "../write";
import { productNode } from "./product-node";
import { requireScope } from "./shared";

// Product options: productOptionsCreate / productOptionsDelete / productOptionsReorder and
// productVariantsBulkReorder. Captures: product-user-error-shape-parity.json (an unknown product is
// PRODUCT_DOES_NOT_EXIST at ["productId"]; productOptionsDelete then answers deletedOptionsIds: []),
// product-relationship-roots.json (productOptionsReorder: options and values move with their ids,
// variant titles and selectedOptions follow the option order, and option values no variant uses
// stay after the used ones). Variant order follows option value order, as the schema documents.
// Rejections no capture shows (unknown option/value ids, duplicate names, limits) fail loudly.

const missing = (typename: string) => ({ __typename: typename, field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" });
const findProduct = (ctx: AdminContext, id: string) => catalogOf(ctx.state, ctx.shop.domain).products.get(id);

function productChanged(ctx: AdminContext, p: ProductRecord): void {
  p.updatedAt = nowIso();
  p.variants.forEach((v, i) => (v.position = i + 1));
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  refreshSmartCollections(catalog);
  touchCatalog(catalog);
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "products/update", payload: productPayload(ctx.shop, p) });
}

/** Variants sorted by their option values' positions (first option first), stable. */
function sortVariantsByOptions(p: ProductRecord): void {
  const rank = (v: VariantRecord) => v.options.map((o, i) => p.options[i]!.values.indexOf(o.value));
  p.variants = [...p.variants].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return 0;
  });
}

/** Values some variant uses first, the unused ones after (each group keeps its order). */
function usedValuesFirst(p: ProductRecord, index: number): void {
  const o = p.options[index]!;
  const pairs = o.values.map((value, j) => ({ value, id: o.ids!.valueIds[j]!, used: p.variants.some((v) => v.options[index]?.value === value) }));
  permuteValues(o, [...pairs.filter((x) => x.used), ...pairs.filter((x) => !x.used)].map((x) => pairs.indexOf(x)));
}

/** Puts an option's values (and their ids and linked metaobjects) in the order of `order` (old indices). */
function permuteValues(o: ProductRecord["options"][number], order: number[]): void {
  o.values = order.map((j) => o.values[j]!);
  o.ids!.valueIds = order.map((j) => o.ids!.valueIds[j]!);
  if (o.linked) o.linked.values = order.map((j) => o.linked!.values[j]!);
}

interface Keyed { id?: string | null; name?: string | null }

/** Index of the entry a reorder input names (by id or by name), or -1. */
const indexOfKey = (key: Keyed, ids: string[], names: string[]) => (key.id ? ids.indexOf(key.id) : key.name != null ? names.indexOf(key.name) : -1);

/** `order` first (as given), then the rest in their current order. */
function reordered(count: number, order: number[]): number[] {
  return [...order, ...Array.from({ length: count }, (_, i) => i).filter((i) => !order.includes(i))];
}

export function productOptionsReorder(args: { productId: string; options: (Keyed & { values?: Keyed[] | null })[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const p = findProduct(ctx, args.productId);
  if (!p) return { __typename: "ProductOptionsReorderPayload", product: null, userErrors: [missing("ProductOptionsReorderUserError")] };
  freezeOptionIds(p);
  const optionOrder = args.options.map((o) => indexOfKey(o, p.options.map((x) => x.ids!.id), p.options.map((x) => x.name)));
  if (optionOrder.some((i) => i < 0) || new Set(optionOrder).size !== optionOrder.length) throw notImplemented(info, "productOptionsReorder naming an unknown or repeated option");
  const valueOrders = args.options.map((o, k) => {
    const option = p.options[optionOrder[k]!]!;
    const order = (o.values ?? []).map((v) => indexOfKey(v, option.ids!.valueIds, option.values));
    if (order.some((i) => i < 0) || new Set(order).size !== order.length) throw notImplemented(info, "productOptionsReorder naming an unknown or repeated option value");
    return order;
  });

  args.options.forEach((_, k) => {
    const option = p.options[optionOrder[k]!]!;
    permuteValues(option, reordered(option.values.length, valueOrders[k]!));
  });
  const order = reordered(p.options.length, optionOrder);
  p.options = order.map((i) => p.options[i]!);
  for (const v of p.variants) {
    v.options = order.map((i) => v.options[i]!);
    v.title = variantTitle(v);
  }
  p.options.forEach((_, i) => usedValuesFirst(p, i));
  sortVariantsByOptions(p);
  productChanged(ctx, p);
  return { __typename: "ProductOptionsReorderPayload", product: productNode(p, ctx), userErrors: [] };
}

export interface OptionCreateInput {
  name?: string | null;
  position?: number | null;
  values?: { name?: string | null; linkedMetafieldValue?: string | null }[] | null;
  linkedMetafield?: { namespace?: string | null; key?: string | null; values?: string[] | null } | null;
}

/**
 * A linked option's values: one per referenced metaobject, named by its display name
 * (metaobjectDefinitionUpdate-immutable.json linkedProductOptions). The product metafield definition
 * must exist; a missing definition or metaobject is not captured and fails loudly.
 */
function linkedValues(ctx: AdminContext, info: GraphQLResolveInfo, o: OptionCreateInput): { names: string[]; linked: LinkedOptionRecord } {
  const { namespace, key, values } = o.linkedMetafield!;
  if (!namespace || !key || !values?.length || o.values?.length) throw notImplemented(info, "productOptionsCreate with an incomplete linked metafield option");
  if (!findMetafieldDefinition(ctx.state, ctx.shop.domain, "PRODUCT", namespace, key)) throw notImplemented(info, "productOptionsCreate linked to a metafield without a definition");
  const names = values.map((gid) => {
    const id = Number(/^gid:\/\/shopify\/Metaobject\/(\d+)$/.exec(gid)?.[1]);
    const record = metaobjectStore(ctx.state).objects.get(id);
    if (!record || record.shop !== ctx.shop.domain) throw notImplemented(info, "productOptionsCreate linked to a metaobject that does not exist");
    return String(metaobjectNode(ctx, record).displayName);
  });
  return { names, linked: { namespace, key, values: [...values] } };
}

/**
 * For the metaobjects domain: the other value names of every product option linked to `metaobjectGid`
 * (a display name equal to one of them is DISPLAY_NAME_CONFLICT, metaobject-display-name-conflict.json).
 */
export function linkedOptionSiblingNames(state: AdminContext["state"], shop: string, metaobjectGid: string): string[] {
  const out: string[] = [];
  for (const p of catalogOf(state, shop).products.values()) {
    for (const o of p.options) {
      if (!o.linked?.values.includes(metaobjectGid)) continue;
      o.linked.values.forEach((gid, j) => gid !== metaobjectGid && out.push(o.values[j]!));
    }
  }
  return out;
}

/**
 * For the metaobjects domain: a linked option value is named after its metaobject, so a new display
 * name renames the value on every product (variant titles and selectedOptions follow).
 */
export function renameLinkedOptionValue(state: AdminContext["state"], shop: string, metaobjectGid: string, name: string): void {
  const catalog = catalogOf(state, shop);
  for (const p of catalog.products.values()) {
    p.options.forEach((o, i) => {
      const j = o.linked?.values.indexOf(metaobjectGid) ?? -1;
      if (j < 0 || o.values[j] === name) return;
      const old = o.values[j]!;
      o.values[j] = name;
      for (const v of p.variants) {
        if (v.options[i]?.value !== old) continue;
        v.options[i] = { name: o.name, value: name };
        v.title = variantTitle(v);
      }
    });
  }
  touchCatalog(catalog);
}

/** Metaobject gids that product options of the shop are linked to (their definition's displayNameKey is then IMMUTABLE). */
export function metaobjectsInProductOptions(state: AdminContext["state"], shop: string): Set<string> {
  const out = new Set<string>();
  for (const p of catalogOf(state, shop).products.values()) for (const o of p.options) for (const gid of o.linked?.values ?? []) out.add(gid);
  return out;
}

const isDefaultOnly = (p: ProductRecord) => p.options.length === 1 && p.options[0]!.name === "Title" && p.options[0]!.values.length === 1 && p.options[0]!.values[0] === "Default Title";

export function productOptionsCreate(args: { productId: string; options: OptionCreateInput[]; variantStrategy?: "LEAVE_AS_IS" | "CREATE" | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const p = findProduct(ctx, args.productId);
  if (!p) return { __typename: "ProductOptionsCreatePayload", product: null, userErrors: [missing("ProductOptionsCreateUserError")] };
  const planned = planNewOptions(ctx, info, isDefaultOnly(p) ? [] : p.options.map((o) => o.name), args.options);
  addOptions(ctx, p, planned, args.variantStrategy ?? "LEAVE_AS_IS");
  productChanged(ctx, p);
  return { __typename: "ProductOptionsCreatePayload", product: productNode(p, ctx), userErrors: [] };
}

export type PlannedOption = { name: string; values: string[]; linked?: LinkedOptionRecord };

/** Checks new options against the product's other option names; fails loudly where Shopify's errors are not captured. */
export function planNewOptions(ctx: AdminContext, info: GraphQLResolveInfo, existingNames: string[], options: OptionCreateInput[]): PlannedOption[] {
  const planned = options.map((o) => {
    if (o.values?.some((v) => v.linkedMetafieldValue != null)) throw notImplemented(info, "productOptionsCreate with linkedMetafieldValue on plain values");
    const { names, linked } = o.linkedMetafield != null ? linkedValues(ctx, info, o) : { names: (o.values ?? []).map((v) => v.name ?? ""), linked: undefined };
    if (!o.name?.trim() || !names.length || names.some((n) => !n.trim())) throw notImplemented(info, "productOptionsCreate with an option or value without a name");
    if (new Set(names).size !== names.length) throw notImplemented(info, "productOptionsCreate with repeated option values");
    return { name: o.name, values: names, ...(linked ? { linked } : {}) };
  });
  const names = [...existingNames, ...planned.map((o) => o.name)];
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw notImplemented(info, "productOptionsCreate with an option name the product already has");
  if (names.length > 3) throw notImplemented(info, "productOptionsCreate beyond 3 options");
  if (options.some((o) => o.position != null)) throw notImplemented(info, "productOptionsCreate with explicit positions");
  return planned;
}

/**
 * Adds planned options. The "Title" / "Default Title" placeholder option is replaced by them;
 * LEAVE_AS_IS gives existing variants each option's first value (the other values have no variants
 * yet), CREATE adds a variant for every missing combination.
 */
export function addOptions(ctx: AdminContext, p: ProductRecord, planned: PlannedOption[], strategy: "LEAVE_AS_IS" | "CREATE"): void {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  freezeOptionIds(p);
  if (isDefaultOnly(p)) {
    p.options = [];
    for (const v of p.variants) v.options = [];
  }
  for (const { name, values, linked } of planned) {
    p.options.push({ name, values, ids: { id: newOptionId(catalog), valueIds: values.map(() => newOptionValueId(catalog)) }, ...(linked ? { linked } : {}) });
    for (const v of p.variants) v.options.push({ name, value: values[0]! });
  }
  if (strategy === "CREATE") addMissingCombinations(ctx, p);
  for (const v of p.variants) v.title = variantTitle(v);
}

/** variantStrategy CREATE: one variant per option value combination the product lacks. */
function addMissingCombinations(ctx: AdminContext, p: ProductRecord): void {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const template = p.variants[0]!;
  const have = new Set(p.variants.map((v) => v.options.map((o) => o.value).join("\u0000")));
  let combos: string[][] = [[]];
  for (const o of p.options) combos = combos.flatMap((c) => o.values.map((value) => [...c, value]));
  const at = nowIso();
  for (const combo of combos) {
    if (have.has(combo.join("\u0000"))) continue;
    const v: VariantRecord = {
      ...template,
      gid: `gid://shopify/ProductVariant/${nextCatalogId(catalog, "ProductVariant")}`,
      options: p.options.map((o, i) => ({ name: o.name, value: combo[i]! })),
      title: "",
      sku: "",
      barcode: null,
      inventoryQuantity: 0,
      imageGid: null,
      inventoryItem: newInventoryItem(catalog, at, { tracked: template.inventoryItem?.tracked ?? false }),
      createdAt: at,
      updatedAt: at,
    };
    p.variants.push(v);
    registerNode(ctx.state, ctx.shop.domain, { gid: v.gid, typename: "ProductVariant" });
    registerNode(ctx.state, ctx.shop.domain, { gid: v.inventoryItem!.gid, typename: "InventoryItem" });
  }
  sortVariantsByOptions(p);
}

export function productOptionsDelete(args: { productId: string; options: string[]; strategy?: "DEFAULT" | "POSITION" | "NON_DESTRUCTIVE" | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const p = findProduct(ctx, args.productId);
  if (!p) return { __typename: "ProductOptionsDeletePayload", deletedOptionsIds: [], product: null, userErrors: [missing("ProductOptionsDeleteUserError")] };
  const ids = p.options.map((_, i) => optionIds(p, i).id);
  const doomed = args.options.map((id) => ids.indexOf(id));
  if (doomed.some((i) => i < 0)) throw notImplemented(info, "productOptionsDelete of an option the product does not have");
  // DEFAULT refuses options with several values (CANNOT_DELETE_OPTION_WITH_MULTIPLE_VALUES), NON_DESTRUCTIVE
  // refuses deletes that would remove variants; neither message is captured.
  const strategy = args.strategy ?? "DEFAULT";
  const remaining = (v: VariantRecord) => v.options.filter((_, i) => !doomed.includes(i)).map((o) => o.value).join("\u0000");
  if (strategy === "DEFAULT" && doomed.some((i) => p.options[i]!.values.length > 1)) throw notImplemented(info, "productOptionsDelete (DEFAULT) of an option with several values");
  if (strategy !== "POSITION" && new Set(p.variants.map(remaining)).size !== p.variants.length) throw notImplemented(info, "productOptionsDelete that would delete variants");
  freezeOptionIds(p);
  const keep = p.options.map((_, i) => i).filter((i) => !doomed.includes(i));
  p.options = keep.map((i) => p.options[i]!);
  for (const v of p.variants) v.options = keep.map((i) => v.options[i]!);
  // POSITION keeps the first variant of each remaining combination.
  const seen = new Set<string>();
  p.variants = p.variants.filter((v) => {
    const key = v.options.map((o) => o.value).join("\u0000");
    if (seen.has(key)) {
      for (const gid of [v.gid, ...(v.inventoryItem ? [v.inventoryItem.gid] : [])]) {
        unregisterNode(ctx.state, ctx.shop.domain, gid);
        deleteOwnerMetafields(ctx.state, ctx.shop.domain, gid);
      }
      return false;
    }
    seen.add(key);
    return true;
  });
  if (!p.options.length) {
    // Deleting the last option brings back the "Title" / "Default Title" placeholder.
    p.options = [{ name: "Title", values: ["Default Title"] }];
    for (const v of p.variants) v.options = [{ name: "Title", value: "Default Title" }];
  }
  for (const v of p.variants) v.title = variantTitle(v);
  productChanged(ctx, p);
  return { __typename: "ProductOptionsDeletePayload", deletedOptionsIds: args.options, product: productNode(p, ctx), userErrors: [] };
}

export function productVariantsBulkReorder(args: { productId: string; positions: { id: string; position: number }[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const p = findProduct(ctx, args.productId);
  if (!p) return { __typename: "ProductVariantsBulkReorderPayload", product: null, userErrors: [missing("ProductVariantsBulkReorderUserError")] };
  const moves = args.positions.map((m) => ({ v: p.variants.find((v) => v.gid === m.id), position: m.position }));
  if (moves.some((m) => !m.v) || new Set(args.positions.map((m) => m.id)).size !== moves.length) throw notImplemented(info, "productVariantsBulkReorder with an unknown or repeated variant");
  if (moves.some((m) => m.position < 1)) throw notImplemented(info, "productVariantsBulkReorder with a position below 1");
  // Each moved variant goes to its (1-based) position, in input order; positions past the end append.
  for (const { v, position } of moves) {
    p.variants = p.variants.filter((x) => x !== v);
    p.variants.splice(Math.min(position - 1, p.variants.length), 0, v!);
  }
  productChanged(ctx, p);
  return { __typename: "ProductVariantsBulkReorderPayload", product: productNode(p, ctx), userErrors: [] };
}
