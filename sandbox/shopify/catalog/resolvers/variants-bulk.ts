import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { metafieldsSet } from "../../content/metafields";
import { deleteOwnerMetafields } from "../../content/metafields-store";
import { emitShopEvent } from "../../events";
import { unregisterNode } from "../../state";
import { moneyString } from "../money";
import { catalogOf, touchCatalog } from "../store";
import type { InventoryItemRecord, ProductRecord, VariantRecord } from "../types";
import { freezeOptionIds, newOptionValueId, newVariant, nowIso, optionIds, variantTitle } from "../variants";
import { productPayload } from "../webhook-payloads";
import { refreshSmartCollections } from "../write";
import { productNode } from "./product-node";
import { appendMedia, requireSupportedMedia, validateMediaInputs, type CreateMediaInput } from "./product-media";
import { requireScope } from "./shared";
import { variantNode } from "./variant-node";

// Mutation.productVariantsBulkCreate / productVariantsBulkUpdate / productVariantsBulkDelete.
// Captures: product-nested-connections.json (create with REMOVE_STANDALONE_VARIANT on a product
// with only its "Default Title" variant), product-variants-bulk-create-parity.json and
// product-variants-bulk-update-parity.json (every variant attribute, inventory item fields:
// harmonizedSystemCode keeps digits only, "1234.56" -> "123456"; variant metafields).
// Strategies follow the schema: DEFAULT removes a lone "Default Title" variant, REMOVE_STANDALONE_VARIANT
// removes any lone variant, PRESERVE_STANDALONE_VARIANT keeps it. An unknown product gets the
// PRODUCT_DOES_NOT_EXIST shape the sibling product mutations answer (product-user-error-shape-parity.json);
// productVariants is then [] like productOptionsDelete's captured deletedOptionsIds (not itself captured).
// Rejections no capture shows (unknown options or variants, duplicate option combinations, inventory
// quantities, which need locations) fail loudly instead of inventing messages.

interface OptionValueInput { id?: string | null; name?: string | null; optionId?: string | null; optionName?: string | null; linkedMetafieldValue?: string | null }
export interface InventoryItemInput {
  sku?: string | null;
  cost?: string | number | null;
  tracked?: boolean | null;
  countryCodeOfOrigin?: string | null;
  provinceCodeOfOrigin?: string | null;
  harmonizedSystemCode?: string | null;
  requiresShipping?: boolean | null;
  measurement?: { weight?: { value: number; unit: InventoryItemRecord["weight"]["unit"] } | null; shippingPackageId?: string | null } | null;
  countryHarmonizedSystemCodes?: unknown[] | null;
}
export interface BulkInput {
  id?: string | null;
  barcode?: string | null;
  compareAtPrice?: string | null;
  price?: string | null;
  taxable?: boolean | null;
  taxCode?: string | null;
  inventoryPolicy?: VariantRecord["inventoryPolicy"] | null;
  inventoryItem?: InventoryItemInput | null;
  optionValues?: OptionValueInput[] | null;
  metafields?: { id?: string | null; namespace?: string | null; key?: string | null; type?: string | null; value?: string | null }[] | null;
  requiresComponents?: boolean | null;
  showUnitPrice?: boolean | null;
  unitPriceMeasurement?: { quantityValue?: number | null; quantityUnit?: string | null; referenceValue?: number | null; referenceUnit?: string | null } | null;
  mediaId?: string | null;
  mediaSrc?: string[] | null;
  inventoryQuantities?: unknown[] | null;
  quantityAdjustments?: unknown[] | null;
  published?: boolean | null;
}

const productMissing = (typename: string) => ({ __typename: typename, field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" });
const nonEmpty = (v: unknown) => v != null && !(Array.isArray(v) && v.length === 0);
const GRAMS_PER: Record<InventoryItemRecord["weight"]["unit"], number> = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 };

/**
 * `media` adds product media (as productCreateMedia does) and a variant's `mediaSrc` names one of
 * them by its originalSource (the schema allows one URL). How Shopify reports invalid media or an
 * unmatched mediaSrc here is not captured: both fail loudly.
 */
function requireSupported(info: GraphQLResolveInfo, where: string, inputs: BulkInput[], media: CreateMediaInput[] | null | undefined): void {
  requireSupportedMedia(info, media ?? [], `${where}(media:)`);
  if (validateMediaInputs(media ?? []).length) throw notImplemented(info, `${where} with invalid media`);
  const sources = new Set((media ?? []).map((m) => m.originalSource));
  for (const v of inputs) {
    if (nonEmpty(v.inventoryQuantities) || nonEmpty(v.quantityAdjustments)) throw notImplemented(info, `${where} with inventory quantities (locations are not modelled)`);
    if (nonEmpty(v.mediaSrc) && (v.mediaSrc!.length !== 1 || !sources.has(v.mediaSrc![0]!) || v.mediaId != null)) throw notImplemented(info, `${where} variant mediaSrc not naming exactly one new media`);
    if (v.published != null) throw notImplemented(info, `${where} variant published`);
    if (nonEmpty(v.inventoryItem?.countryHarmonizedSystemCodes) || v.inventoryItem?.measurement?.shippingPackageId) throw notImplemented(info, `${where} inventoryItem country HS codes / shipping package`);
    if (v.optionValues?.some((o) => o.linkedMetafieldValue != null)) throw notImplemented(info, `${where} linked metafield option values`);
    if (v.metafields?.some((m) => m.id != null)) throw notImplemented(info, `${where} metafields by id`);
  }
}

/** Option index and value for one VariantOptionValueInput (by id or by name). */
function resolveOptionValue(p: ProductRecord, o: OptionValueInput, info: GraphQLResolveInfo, where: string): { index: number; value: string } {
  const index = p.options.findIndex((opt, i) => (o.optionId ? optionIds(p, i).id === o.optionId : opt.name === o.optionName));
  if (index < 0) throw notImplemented(info, `${where} with an option the product does not have`);
  const option = p.options[index]!;
  if (o.id) {
    const j = optionIds(p, index).valueIds.indexOf(o.id);
    if (j < 0) throw notImplemented(info, `${where} with an unknown option value id`);
    return { index, value: option.values[j]! };
  }
  if (!o.name?.trim()) throw notImplemented(info, `${where} with an option value without a name`);
  // A metafield-linked option's values stand for metaobjects; a new one cannot be named here.
  if (option.linked && !option.values.includes(o.name)) throw notImplemented(info, `${where} with a new value on a metafield-linked option`);
  return { index, value: o.name };
}

/** The variant's option list from its optionValues input (every product option must be named). */
function variantOptions(p: ProductRecord, inputs: OptionValueInput[], info: GraphQLResolveInfo, where: string): VariantRecord["options"] {
  const values = new Map<number, string>();
  for (const o of inputs) {
    const r = resolveOptionValue(p, o, info, where);
    values.set(r.index, r.value);
  }
  if (values.size !== p.options.length) throw notImplemented(info, `${where} without a value for every product option`);
  return p.options.map((opt, i) => ({ name: opt.name, value: values.get(i)! }));
}

/** Adds option values the variants introduce (new values get their own ids). */
function addOptionValues(ctx: AdminContext, p: ProductRecord, options: VariantRecord["options"]): void {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  options.forEach((o, i) => {
    const option = p.options[i]!;
    if (option.values.includes(o.value)) return;
    option.values.push(o.value);
    option.ids!.valueIds.push(newOptionValueId(catalog));
  });
}

function applyInventoryItem(item: InventoryItemRecord, input: InventoryItemInput | null | undefined, at: string): void {
  if (!input) return;
  if (input.tracked != null) item.tracked = input.tracked;
  if (input.requiresShipping != null) item.requiresShipping = input.requiresShipping;
  if (input.countryCodeOfOrigin !== undefined) item.countryCodeOfOrigin = input.countryCodeOfOrigin;
  if (input.provinceCodeOfOrigin !== undefined) item.provinceCodeOfOrigin = input.provinceCodeOfOrigin || null;
  // Shopify keeps only the digits of a harmonized system code ("1234.56" -> "123456").
  if (input.harmonizedSystemCode !== undefined) item.harmonizedSystemCode = input.harmonizedSystemCode ? input.harmonizedSystemCode.replace(/\D/g, "") || null : null;
  if (input.cost !== undefined) item.cost = input.cost == null ? null : String(input.cost);
  if (input.measurement?.weight) item.weight = { value: input.measurement.weight.value, unit: input.measurement.weight.unit };
  item.updatedAt = at;
}

export function applyVariantInput(ctx: AdminContext, v: VariantRecord, input: BulkInput, at: string): void {
  const currency = ctx.shop.currencyCode;
  if (input.price != null) v.price = moneyString(Number(input.price), currency);
  if (input.compareAtPrice !== undefined) v.compareAtPrice = input.compareAtPrice == null ? null : moneyString(Number(input.compareAtPrice), currency);
  if (input.barcode !== undefined) v.barcode = input.barcode || null;
  if (input.taxable != null) v.taxable = input.taxable;
  if (input.taxCode !== undefined) v.taxCode = input.taxCode ?? "";
  if (input.inventoryPolicy != null) v.inventoryPolicy = input.inventoryPolicy;
  if (input.requiresComponents != null) v.requiresComponents = input.requiresComponents;
  if (input.showUnitPrice != null) v.showUnitPrice = input.showUnitPrice;
  if (input.unitPriceMeasurement !== undefined) {
    const m = input.unitPriceMeasurement;
    v.unitPriceMeasurement = m ? { quantityValue: m.quantityValue ?? 0, quantityUnit: m.quantityUnit ?? null, referenceValue: m.referenceValue ?? 0, referenceUnit: m.referenceUnit ?? null } : null;
  }
  if (input.inventoryItem?.sku !== undefined) v.sku = input.inventoryItem.sku ?? "";
  applyInventoryItem(v.inventoryItem!, input.inventoryItem, at);
  v.grams = Math.round(v.inventoryItem!.weight.value * GRAMS_PER[v.inventoryItem!.weight.unit]);
  v.updatedAt = at;
}

/** Adds the mutation's new media to the product; originalSource -> media gid. */
function attachNewMedia(ctx: AdminContext, p: ProductRecord, media: CreateMediaInput[] | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (media?.length) for (const m of appendMedia(ctx, p, media)) out.set(m.sourceUrl, m.gid);
  return out;
}

function requireProductMedia(p: ProductRecord, mediaId: string | null | undefined, info: GraphQLResolveInfo, where: string): void {
  if (mediaId && !p.media.some((m) => m.gid === mediaId)) throw notImplemented(info, `${where} with media the product does not have`);
}

/** Writes the variants' metafields through the content domain (same validation); false when rejected. */
export function writeVariantMetafields(ctx: AdminContext, info: GraphQLResolveInfo, pairs: { v: VariantRecord; input: BulkInput }[]): string | null {
  const metafields = pairs.flatMap(({ v, input }) => (input.metafields ?? []).map((m) => ({ ...m, ownerId: v.gid })));
  if (!metafields.length) return null;
  const set = metafieldsSet({ metafields: metafields as never }, ctx, info);
  return set.userErrors.length ? set.userErrors[0]!.message : null;
}

export function productChanged(ctx: AdminContext, p: ProductRecord, at: string): void {
  p.updatedAt = at;
  p.variants.forEach((v, i) => (v.position = i + 1));
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  refreshSmartCollections(catalog);
  touchCatalog(catalog);
  emitShopEvent(ctx.state, { shop: ctx.shop.domain, topic: "products/update", payload: productPayload(ctx.shop, p) });
}

export function dropVariant(ctx: AdminContext, v: VariantRecord): void {
  for (const gid of [v.gid, ...(v.inventoryItem ? [v.inventoryItem.gid] : [])]) {
    unregisterNode(ctx.state, ctx.shop.domain, gid);
    deleteOwnerMetafields(ctx.state, ctx.shop.domain, gid);
  }
}

const isDefaultVariant = (p: ProductRecord) => p.variants.length === 1 && p.options.length === 1 && p.options[0]!.name === "Title" && p.variants[0]!.title === "Default Title";

export function productVariantsBulkCreate(
  args: { productId: string; variants: BulkInput[]; media?: CreateMediaInput[] | null; strategy?: "DEFAULT" | "REMOVE_STANDALONE_VARIANT" | "PRESERVE_STANDALONE_VARIANT" | null },
  ctx: AdminContext,
  info: GraphQLResolveInfo,
) {
  requireScope(ctx, info, "write_products");
  const where = "productVariantsBulkCreate";
  requireSupported(info, where, args.variants, args.media);
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const p = catalog.products.get(args.productId);
  if (!p) return { __typename: "ProductVariantsBulkCreatePayload", product: null, productVariants: [], userErrors: [productMissing("ProductVariantsBulkCreateUserError")] };
  if (args.variants.some((v) => v.id != null)) throw notImplemented(info, `${where} with variant ids`);

  const strategy = args.strategy ?? "DEFAULT";
  const standalone = p.variants.length === 1 ? p.variants[0]! : undefined;
  const defaultOnly = isDefaultVariant(p);
  const removeStandalone = standalone && (strategy === "REMOVE_STANDALONE_VARIANT" || (strategy === "DEFAULT" && defaultOnly));
  const kept = removeStandalone ? [] : [...p.variants];

  const planned = args.variants.map((input) => {
    requireProductMedia(p, input.mediaId, info, where);
    return { input, options: variantOptions(p, input.optionValues ?? [], info, where) };
  });
  const key = (options: VariantRecord["options"]) => options.map((o) => o.value).join("\u0000");
  const taken = new Set(kept.map((v) => key(v.options)));
  for (const { options } of planned) {
    if (taken.has(key(options))) throw notImplemented(info, `${where} with an option combination that already exists`);
    taken.add(key(options));
  }

  const before = { variants: [...p.variants], options: p.options.map((o) => ({ ...o, values: [...o.values], ids: o.ids && { ...o.ids, valueIds: [...o.ids.valueIds] } })) };
  freezeOptionIds(p);
  const at = nowIso();
  if (removeStandalone && defaultOnly) {
    // The "Default Title" placeholder goes with its variant.
    const o = p.options[0]!;
    const j = o.values.indexOf("Default Title");
    if (j >= 0 && !planned.some((x) => x.options[0]!.value === "Default Title")) {
      o.values.splice(j, 1);
      o.ids!.valueIds.splice(j, 1);
    }
  }
  const newMedia = attachNewMedia(ctx, p, args.media);
  const created = planned.map(({ input, options }) => {
    addOptionValues(ctx, p, options);
    const v = newVariant(ctx, catalog, p, options, at, input.mediaId ?? newMedia.get(input.mediaSrc?.[0] ?? "") ?? null);
    applyVariantInput(ctx, v, input, at);
    return v;
  });
  p.variants = [...kept, ...created];
  p.variants.forEach((v, i) => (v.position = i + 1));
  const rejected = writeVariantMetafields(ctx, info, created.map((v, i) => ({ v, input: planned[i]!.input })));
  if (rejected) {
    for (const v of created) dropVariant(ctx, v);
    const added = new Set(newMedia.values());
    p.media = p.media.filter((m) => !added.has(m.gid));
    for (const gid of added) unregisterNode(ctx.state, ctx.shop.domain, gid);
    p.variants = before.variants;
    p.options = before.options;
    p.variants.forEach((v, i) => (v.position = i + 1));
    throw notImplemented(info, `${where} with invalid metafields (${rejected})`);
  }
  if (removeStandalone) dropVariant(ctx, standalone!);
  productChanged(ctx, p, at);
  return { __typename: "ProductVariantsBulkCreatePayload", product: productNode(p, ctx), productVariants: created.map((v) => variantNode(v, p, ctx)), userErrors: [] };
}

export function productVariantsBulkUpdate(
  args: { productId: string; variants: BulkInput[]; media?: CreateMediaInput[] | null; allowPartialUpdates?: boolean | null },
  ctx: AdminContext,
  info: GraphQLResolveInfo,
) {
  requireScope(ctx, info, "write_products");
  const where = "productVariantsBulkUpdate";
  requireSupported(info, where, args.variants, args.media);
  const p = catalogOf(ctx.state, ctx.shop.domain).products.get(args.productId);
  if (!p) return { __typename: "ProductVariantsBulkUpdatePayload", product: null, productVariants: [], userErrors: [productMissing("ProductVariantsBulkUpdateUserError")] };

  const planned = args.variants.map((input) => {
    const v = input.id ? p.variants.find((x) => x.gid === input.id) : undefined;
    if (!v) throw notImplemented(info, `${where} with a variant id missing or not on the product`);
    requireProductMedia(p, input.mediaId, info, where);
    const options = input.optionValues?.length ? mergeOptions(p, v, input.optionValues, info, where) : undefined;
    return { v, input, options };
  });
  const key = (options: VariantRecord["options"]) => options.map((o) => o.value).join("\u0000");
  const combos = new Map(p.variants.map((v) => [v.gid, key(v.options)]));
  for (const { v, options } of planned) if (options) combos.set(v.gid, key(options));
  if (new Set(combos.values()).size !== combos.size) throw notImplemented(info, `${where} giving two variants the same option values`);

  const rejected = writeVariantMetafields(ctx, info, planned);
  if (rejected) throw notImplemented(info, `${where} with invalid metafields (${rejected})`);
  const at = nowIso();
  freezeOptionIds(p);
  const newMedia = attachNewMedia(ctx, p, args.media);
  for (const { v, input, options } of planned) {
    if (options) {
      addOptionValues(ctx, p, options);
      v.options = options;
      v.title = variantTitle(v);
    }
    if (input.mediaId !== undefined) v.imageGid = input.mediaId;
    if (input.mediaSrc?.length) v.imageGid = newMedia.get(input.mediaSrc[0]!) ?? v.imageGid;
    applyVariantInput(ctx, v, input, at);
  }
  productChanged(ctx, p, at);
  return { __typename: "ProductVariantsBulkUpdatePayload", product: productNode(p, ctx), productVariants: planned.map(({ v }) => variantNode(v, p, ctx)), userErrors: [] };
}

/** An update's optionValues change only the options they name. */
function mergeOptions(p: ProductRecord, v: VariantRecord, inputs: OptionValueInput[], info: GraphQLResolveInfo, where: string): VariantRecord["options"] {
  const options = v.options.map((o) => ({ ...o }));
  for (const o of inputs) {
    const r = resolveOptionValue(p, o, info, where);
    options[r.index] = { name: p.options[r.index]!.name, value: r.value };
  }
  return options;
}

export function productVariantsBulkDelete(args: { productId: string; variantsIds: string[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  requireScope(ctx, info, "write_products");
  const p = catalogOf(ctx.state, ctx.shop.domain).products.get(args.productId);
  if (!p) return { __typename: "ProductVariantsBulkDeletePayload", product: null, userErrors: [productMissing("ProductVariantsBulkDeleteUserError")] };
  const ids = new Set(args.variantsIds);
  if ([...ids].some((id) => !p.variants.some((v) => v.gid === id))) throw notImplemented(info, "productVariantsBulkDelete with a variant not on the product");
  if (ids.size >= p.variants.length) throw notImplemented(info, "productVariantsBulkDelete of every variant");
  for (const v of p.variants) if (ids.has(v.gid)) dropVariant(ctx, v);
  p.variants = p.variants.filter((v) => !ids.has(v.gid));
  productChanged(ctx, p, nowIso());
  return { __typename: "ProductVariantsBulkDeletePayload", product: productNode(p, ctx), userErrors: [] };
}
