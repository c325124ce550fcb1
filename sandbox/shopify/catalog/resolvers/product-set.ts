import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { catalogOf } from "../store";
import type { ProductRecord, VariantRecord } from "../types";
import { freezeOptionIds, newOptionId, newOptionValueId, newVariant, nowIso, optionIds, variantTitle } from "../variants";
import { applyVariantInput, dropVariant, writeVariantMetafields, type BulkInput } from "./variants-bulk";

// productSet's productOptions + variants: the product ends up with exactly the listed options (in
// order, matched to existing ones by id or name so their ids stay) and exactly the listed variants
// (an id updates that variant, no id creates one, unlisted variants are deleted). Each variant names
// one value of every option. Shopify's ProductSetUserError codes for broken input are not captured,
// so such input fails loudly (planProductSet runs before anything changes).

interface OptionSetInput { id?: string | null; name?: string | null; position?: number | null; values?: { id?: string | null; name?: string | null }[] | null; linkedMetafield?: unknown }
interface VariantSetInput extends Omit<BulkInput, "optionValues"> {
  optionValues: { id?: string | null; name?: string | null; optionId?: string | null; optionName?: string | null; linkedMetafieldValue?: string | null }[];
  sku?: string | null;
  position?: number | null;
  file?: unknown;
}
export interface ProductSetVariantsInput { productOptions?: OptionSetInput[] | null; variants?: VariantSetInput[] | null }

interface PlannedOption { name: string; values: string[]; id: string | null; valueIds: (string | null)[] }
export interface ProductSetPlan { options: PlannedOption[]; variants: { input: VariantSetInput; existing: VariantRecord | undefined; options: VariantRecord["options"] }[] }

const fail = (info: GraphQLResolveInfo, what: string): never => {
  throw notImplemented(info, `productSet ${what}`);
};

/** Validates productOptions/variants against the product (null when creating); undefined when neither is given. */
export function planProductSet(p: ProductRecord | null, input: ProductSetVariantsInput, info: GraphQLResolveInfo): ProductSetPlan | undefined {
  if (input.productOptions == null && input.variants == null) return undefined;
  if (!input.productOptions?.length || !input.variants?.length) fail(info, "with only one of productOptions and variants (or an empty list)");
  const existing = p ? p.options.map((o, i) => ({ o, ids: optionIds(p, i) })) : [];
  const sorted = [...input.productOptions!].map((o, k) => ({ o, k })).sort((a, b) => (a.o.position ?? a.k + 1) - (b.o.position ?? b.k + 1) || a.k - b.k);
  const options: PlannedOption[] = sorted.map(({ o }) => {
    if (o.linkedMetafield != null) fail(info, "with metafield-linked options");
    const match = o.id ? existing.find((e) => e.ids.id === o.id) : existing.find((e) => e.o.name === o.name);
    if (o.id && !match) fail(info, "naming an option id the product does not have");
    const name = o.name ?? match?.o.name;
    if (!name?.trim() || !o.values?.length) fail(info, "with an option without a name or values");
    const values = o.values!.map((v) => {
      const j = v.id ? (match?.ids.valueIds.indexOf(v.id) ?? -1) : -1;
      if (v.id && j < 0) fail(info, "naming an option value id the option does not have");
      const valueName = v.name ?? match!.o.values[j]!;
      if (!valueName.trim()) fail(info, "with an option value without a name");
      return { name: valueName, id: j >= 0 ? match!.ids.valueIds[j]! : (match ? match.ids.valueIds[match.o.values.indexOf(valueName)] ?? null : null) };
    });
    if (new Set(values.map((v) => v.name)).size !== values.length) fail(info, "with repeated option values");
    return { name: name!, values: values.map((v) => v.name), id: match?.ids.id ?? null, valueIds: values.map((v) => v.id) };
  });
  if (new Set(options.map((o) => o.name.toLowerCase())).size !== options.length) fail(info, "with repeated option names");
  if (options.length > 3) fail(info, "with more than 3 options");

  const seenIds = new Set<string>();
  const variants = input.variants!.map((v) => {
    if (v.file != null || v.published != null) fail(info, "variant file/published");
    if (v.inventoryQuantities?.length || v.quantityAdjustments?.length) fail(info, "with inventory quantities (locations are not modelled)");
    if (v.metafields?.some((m) => m.id != null)) fail(info, "variant metafields by id");
    const found = v.id ? p?.variants.find((x) => x.gid === v.id) : undefined;
    if (v.id && (!found || seenIds.has(v.id))) fail(info, "naming a variant the product does not have (or twice)");
    if (v.id) seenIds.add(v.id);
    const values = new Map<number, string>();
    for (const ov of v.optionValues) {
      const index = options.findIndex((o) => (ov.optionId ? o.id === ov.optionId : o.name === ov.optionName));
      if (index < 0 || ov.linkedMetafieldValue != null) fail(info, "variant naming an option not in productOptions");
      const o = options[index]!;
      const name = ov.id ? o.values[o.valueIds.indexOf(ov.id)] : ov.name;
      if (!name || !o.values.includes(name)) fail(info, "variant naming an option value not in productOptions");
      values.set(index, name!);
    }
    if (values.size !== options.length) fail(info, "variant without a value for every option");
    return { input: v, existing: found, options: options.map((o, i) => ({ name: o.name, value: values.get(i)! })) };
  });
  const combos = variants.map((v) => v.options.map((o) => o.value).join("\u0000"));
  if (new Set(combos).size !== combos.length) fail(info, "with two variants of the same option values");
  const ordered = variants.map((v, k) => ({ v, k })).sort((a, b) => (a.v.input.position ?? a.k + 1) - (b.v.input.position ?? b.k + 1) || a.k - b.k).map((x) => x.v);
  return { options, variants: ordered };
}

/** Applies a plan (after planProductSet accepted it); returns the metafield rejection message, if any. */
export function applyProductSet(ctx: AdminContext, info: GraphQLResolveInfo, p: ProductRecord, plan: ProductSetPlan): string | null {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const at = nowIso();
  freezeOptionIds(p);
  p.options = plan.options.map((o) => ({
    name: o.name,
    values: [...o.values],
    ids: { id: o.id ?? newOptionId(catalog), valueIds: o.valueIds.map((id) => id ?? newOptionValueId(catalog)) },
  }));
  const kept = new Set(plan.variants.flatMap((v) => (v.existing ? [v.existing] : [])));
  for (const v of p.variants) if (!kept.has(v)) dropVariant(ctx, v);
  const pairs = plan.variants.map(({ input, existing, options }) => {
    const v = existing ?? newVariant(ctx, catalog, p, options, at);
    v.options = options;
    v.title = variantTitle(v);
    const bulk: BulkInput = { ...input, optionValues: undefined, inventoryItem: input.sku !== undefined ? { ...input.inventoryItem, sku: input.sku } : input.inventoryItem };
    applyVariantInput(ctx, v, bulk, at);
    return { v, input: bulk };
  });
  p.variants = pairs.map((x) => x.v);
  p.variants.forEach((v, i) => (v.position = i + 1));
  return writeVariantMetafields(ctx, info, pairs);
}
