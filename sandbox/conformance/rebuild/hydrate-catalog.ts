import type { Exchange } from "../normalize";
import { ANY_GID, isObject, requestText, stepText } from "../steps";
import { remoteImage } from "../../shopify/content/remote-sources";
import { postGraphql, type Twin } from "../twin";
import type { SeedMarks } from "./seeded-exchanges";

// The options, variants and media a read showed of a product the recorded shop already had
// (hydrate.ts), rebuilt with the twin's own mutations after its productCreate, and the captured
// ProductOption / ProductOptionValue / ProductVariant / MediaImage ids paired with the twin's by
// option name, value name, selected options and media order. Only recorded values are used: a
// media whose recorded image URL the offline twin cannot fetch (remote-sources.ts) is left out
// rather than faked; a media read without any URL gets an obvious placeholder source (its image
// values then count as unknown when differences are judged), as a product read without a title
// gets "Recorded product".

interface RecordedOption { id?: string; name: string; values: { id?: string; name: string }[] }
interface RecordedVariant { id: string; title?: string; options?: { name: string; value: string }[]; fields: Record<string, unknown>; inventoryItemId?: string }
interface RecordedMedia { id: string; alt?: string; mediaContentType: string; status?: string; url?: string }
export interface RecordedCatalog { options?: RecordedOption[]; variants?: RecordedVariant[]; media?: RecordedMedia[]; defaultVariant?: string }

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
/** The values of a recorded media node the rebuild takes, under its gid (seeded-exchanges.ts). */
function markMedia(marks: SeedMarks, m: Record<string, unknown>): void {
  const id = str(m.id) ?? "";
  const image = isObject(m.image) ? m.image : isObject(m.preview) && isObject(m.preview.image) ? m.preview.image : undefined;
  marks.mark(id, m, ["id", "alt", "mediaContentType", "status"].filter((k) => m[k] !== undefined));
  if (image) marks.mark(id, image, ["url", "originalSrc"].filter((k) => str(image[k])));
}

/** A connection's nodes (nodes or edges.node), or a plain list. */
const nodesOf = (v: unknown): Record<string, unknown>[] => {
  const list = Array.isArray(v) ? v : isObject(v) ? (Array.isArray(v.nodes) ? v.nodes : Array.isArray(v.edges) ? v.edges.map((e) => (isObject(e) ? e.node : undefined)) : []) : [];
  return list.filter(isObject);
};
const VARIANT_FIELDS = ["price", "compareAtPrice", "barcode", "taxable", "inventoryPolicy", "taxCode", "requiresComponents", "showUnitPrice"] as const;
const INVENTORY_ITEM_FIELDS = ["tracked", "requiresShipping", "countryCodeOfOrigin", "provinceCodeOfOrigin", "harmonizedSystemCode"] as const;
const PLACEHOLDER_SOURCE = "https://placehold.co/600x400/png?text=Recorded+media";
const isDefaultOptions = (options: RecordedOption[]) => options.length === 1 && options[0]!.name === "Title" && options[0]!.values.every((v) => v.name === "Default Title");

/**
 * What a product node of a read shows of its options, variants and media (undefined when none).
 * `marks`: the values taken, under each object's own gid (the product's when it has none; seeded-exchanges.ts).
 */
export function recordedCatalog(node: Record<string, unknown>, marks?: SeedMarks): RecordedCatalog | undefined {
  const out: RecordedCatalog = {};
  const product = str(node.id) ?? "";
  const mark = (o: Record<string, unknown>, keys: string[]) => marks?.mark(str(o.id) ?? product, o, keys.filter((k) => o[k] !== undefined));
  if (Array.isArray(node.options)) {
    out.options = node.options.filter(isObject).flatMap((o) => {
      const name = str(o.name);
      if (!name) return [];
      mark(o, ["id", "name", ...(Array.isArray(o.optionValues) ? [] : ["values"])]);
      if (Array.isArray(o.optionValues)) for (const v of o.optionValues) if (isObject(v) && str(v.name)) mark(v, ["id", "name"]);
      const values = Array.isArray(o.optionValues)
        ? o.optionValues.filter(isObject).flatMap((v) => (str(v.name) ? [{ id: str(v.id), name: v.name as string }] : []))
        : Array.isArray(o.values) ? o.values.filter((v): v is string => typeof v === "string").map((name) => ({ name })) : [];
      return [{ id: str(o.id), name, values }];
    });
  }
  if (node.variants !== undefined) {
    out.variants = nodesOf(node.variants).flatMap((v) => {
      const id = str(v.id);
      if (!id) return [];
      const options = Array.isArray(v.selectedOptions) ? v.selectedOptions.filter(isObject).map((o) => ({ name: String(o.name), value: String(o.value) })) : undefined;
      const fields: Record<string, unknown> = Object.fromEntries(VARIANT_FIELDS.filter((f) => v[f] !== undefined && v[f] !== null && v[f] !== "").map((f) => [f, v[f]]));
      // A unit price measurement without units is the default one (product-variants-bulk-create-parity.json preflight).
      if (isObject(v.unitPriceMeasurement) && v.unitPriceMeasurement.quantityUnit) fields.unitPriceMeasurement = v.unitPriceMeasurement;
      const item: Record<string, unknown> = isObject(v.inventoryItem) ? Object.fromEntries(INVENTORY_ITEM_FIELDS.filter((f) => (v.inventoryItem as Record<string, unknown>)[f] != null).map((f) => [f, (v.inventoryItem as Record<string, unknown>)[f]])) : {};
      const weight = isObject(v.inventoryItem) && isObject(v.inventoryItem.measurement) && isObject(v.inventoryItem.measurement.weight) ? v.inventoryItem.measurement.weight : undefined;
      if (weight && typeof weight.value === "number" && typeof weight.unit === "string") item.measurement = { weight: { value: weight.value, unit: weight.unit } };
      if (typeof v.sku === "string") item.sku = v.sku;
      if (Object.keys(item).length) fields.inventoryItem = item;
      mark(v, ["id", "title", "selectedOptions", "sku", ...Object.keys(fields).filter((f) => f !== "inventoryItem")]);
      if (isObject(v.inventoryItem)) marks?.mark(str(v.inventoryItem.id) ?? id, v.inventoryItem, ["id", ...Object.keys(item).filter((f) => f !== "sku")]);
      const inventoryItemId = isObject(v.inventoryItem) ? str(v.inventoryItem.id) : undefined;
      return [{ id, ...(typeof v.title === "string" ? { title: v.title } : {}), ...(options ? { options } : {}), fields, ...(inventoryItemId ? { inventoryItemId } : {}) }];
    });
  }
  if (node.media !== undefined) {
    out.media = nodesOf(node.media).flatMap((m) => {
      const id = str(m.id);
      if (!id || !/\/MediaImage\//.test(id)) return [];
      const image = isObject(m.image) ? m.image : isObject(m.preview) && isObject(m.preview.image) ? m.preview.image : undefined;
      if (marks) markMedia(marks, m);
      return [{ id, alt: str(m.alt), mediaContentType: str(m.mediaContentType) ?? "IMAGE", status: str(m.status), url: image ? str(image.url) ?? str(image.originalSrc) : undefined }];
    });
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * A variant a cleanly accepted mutation named beside a rebuilt product whose variants no read
 * showed (productVariantAppendMedia's variantId): the product's one variant, paired with the twin
 * product's default variant when it is the only variant of that product the scenario names.
 */
export function lonelyVariants(
  accepted: Exchange[],
  all: Exchange[],
  found: Map<string, { catalog?: RecordedCatalog }>,
  made: Set<string>,
): void {
  const named = new Map<string, Set<string>>();
  for (const ex of accepted) {
    const gids = [...new Set(JSON.stringify(ex.variables ?? {}).match(ANY_GID) ?? [])];
    const products = gids.filter((g) => /\/Product\//.test(g));
    if (products.length !== 1) continue;
    const variants = gids.filter((g) => /\/ProductVariant\//.test(g) && !made.has(g));
    if (variants.length) named.set(products[0]!, new Set([...(named.get(products[0]!) ?? []), ...variants]));
  }
  // A response showing the variant with options of its own (a title other than "Default Title")
  // says the product had options no read showed before the scenario changed it: not rebuilt.
  const optioned = new Set<string>();
  JSON.stringify(all.map((ex) => ex.response?.data ?? null), (_k, v: unknown) => {
    if (isObject(v) && typeof v.id === "string" && ((typeof v.title === "string" && v.title !== "Default Title") || (Array.isArray(v.selectedOptions) && v.selectedOptions.some((o) => isObject(o) && o.name !== "Title")))) optioned.add(v.id);
    return v;
  });
  for (const [product, variants] of named) {
    const owner = found.get(product);
    if (!owner || variants.size !== 1 || optioned.has([...variants][0]!) || owner.catalog?.variants || (owner.catalog?.options && !isDefaultOptions(owner.catalog.options))) continue;
    owner.catalog = { ...owner.catalog, defaultVariant: [...variants][0]! };
  }
}

/** productCreate's productOptions for recorded options other than the default "Title". */
export function productOptionsInput(catalog: RecordedCatalog | undefined): unknown[] | undefined {
  if (!catalog?.options?.length || isDefaultOptions(catalog.options) || catalog.options.some((o) => !o.values.length)) return undefined;
  return catalog.options.map((o) => ({ name: o.name, values: o.values.map((v) => ({ name: v.name })) }));
}

const BULK_CREATE = "mutation HydrateVariants($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $productId, variants: $variants, strategy: REMOVE_STANDALONE_VARIANT) { productVariants { id } userErrors { field message } } }";
const BULK_UPDATE = "mutation HydrateVariant($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id } userErrors { field message } } }";
const CREATE_MEDIA = "mutation HydrateMedia($productId: ID!, $media: [CreateMediaInput!]!) { productCreateMedia(productId: $productId, media: $media) { media { id } mediaUserErrors { field message } } }";
const READ_BACK = "query HydrateReadBack($id: ID!) { product(id: $id) { options { id name optionValues { id name } } variants(first: 250) { nodes { id selectedOptions { name value } inventoryItem { id } } } } }";
const MEDIA_STATUS = "query HydrateMediaStatus($id: ID!) { node(id: $id) { ... on Media { status } } }";

type Body = { data?: Record<string, unknown> | null; errors?: unknown[] };

/** Rebuilds variants and media on the twin's product; returns captured -> twin id pairs. */
export async function rebuildCatalog(twin: Twin, productId: string, captured: string, catalog: RecordedCatalog): Promise<{ ids: [string, string][]; failures: string[]; partial: string[]; notRebuilt: string[] }> {
  const ids: [string, string][] = [];
  const failures: string[] = [];
  const partial: string[] = []; // media rebuilt from a placeholder source: their image values are not the recorded ones
  const call = async (query: string, variables: Record<string, unknown>) => (await postGraphql(twin, { query, variables })).body as Body;
  const fail = (what: string, body: unknown) => failures.push(`${captured} ${what}: ${JSON.stringify(body).slice(0, 200)}`);

  // Variants: with recorded options, exactly the recorded combinations (the standalone first-values
  // variant productCreate made goes); without, the one default variant keeps its recorded fields.
  const optionNames = productOptionsInput(catalog) ? catalog.options!.map((o) => o.name) : undefined;
  const variants = (catalog.variants ?? []).map((v) => ({ ...v, options: v.options ?? titleOptions(v, optionNames) }));
  if (optionNames && variants.length && variants.every((v) => v.options)) {
    const body = await call(BULK_CREATE, { productId, variants: variants.map((v) => ({ ...v.fields, optionValues: v.options!.map((o) => ({ optionName: o.name, name: o.value })) })) });
    if (!isObject(body.data?.productVariantsBulkCreate) || (body.data.productVariantsBulkCreate as { userErrors?: unknown[] }).userErrors?.length) fail("variants", body);
  }
  const back = (await call(READ_BACK, { id: productId })).data?.product as { options: { id: string; name: string; optionValues: { id: string; name: string }[] }[]; variants: { nodes: { id: string; selectedOptions: { name: string; value: string }[]; inventoryItem?: { id: string } | null }[] } } | undefined;
  if (!back) return { ids, failures: [...failures, `${captured}: read back failed`], partial, notRebuilt: [] };
  for (const o of catalog.options ?? []) {
    const twinOption = back.options.find((t) => t.name === o.name);
    if (!twinOption) continue;
    if (o.id) ids.push([o.id, twinOption.id]);
    for (const v of o.values) {
      const twinValue = twinOption.optionValues.find((t) => t.name === v.name);
      if (v.id && twinValue) ids.push([v.id, twinValue.id]);
    }
  }
  const key = (opts: { name: string; value: string }[]) => opts.map((o) => `${o.name}\u0000${o.value}`).join("\u0001");
  const lone = back.variants.nodes.length === 1 ? back.variants.nodes[0]! : undefined;
  for (const v of variants) {
    const twinVariant = v.options && optionNames ? back.variants.nodes.find((t) => key(t.selectedOptions) === key(v.options!)) : variants.length === 1 ? lone : undefined;
    if (twinVariant) ids.push([v.id, twinVariant.id]);
    if (twinVariant?.inventoryItem && v.inventoryItemId) ids.push([v.inventoryItemId, twinVariant.inventoryItem.id]);
  }
  if (!optionNames && variants.length === 1 && lone && Object.keys(variants[0]!.fields).length) {
    const body = await call(BULK_UPDATE, { productId, variants: [{ id: lone.id, ...variants[0]!.fields }] });
    if ((body.data?.productVariantsBulkUpdate as { userErrors?: unknown[] } | undefined)?.userErrors?.length !== 0) fail("variant fields", body);
  }
  if (catalog.defaultVariant && lone) ids.push([catalog.defaultVariant, lone.id]);

  // Media, in recorded order; a recorded URL the offline twin cannot fetch is not faked.
  const media = (catalog.media ?? []).filter((m) => m.url === undefined || remoteImage(m.url));
  const notRebuilt = (catalog.media ?? []).filter((m) => !media.includes(m)).map((m) => m.id);
  for (const m of catalog.media ?? []) if (!media.includes(m)) failures.push(`${captured} media ${m.id}: recorded source ${m.url} cannot be fetched offline`);
  if (media.length) {
    const body = await call(CREATE_MEDIA, { productId, media: media.map((m) => ({ mediaContentType: m.mediaContentType, originalSource: m.url ?? PLACEHOLDER_SOURCE, ...(m.alt !== undefined ? { alt: m.alt } : {}) })) });
    const made = ((body.data?.productCreateMedia as { media?: { id: string }[] | null } | undefined)?.media ?? []);
    if (made.length !== media.length) fail("media", body);
    media.forEach((m, i) => made[i] && ids.push([m.id, made[i]!.id]));
    for (const m of media) if (m.url === undefined) partial.push(m.id);
    // The recorded read showed them processed: wait (as the recorder did) until the twin has too.
    const waitFor = media.flatMap((m, i) => (m.status === "READY" && made[i] ? [made[i]!.id] : []));
    for (const deadline = Date.now() + 3000; waitFor.length && Date.now() < deadline;) {
      const statuses = await Promise.all(waitFor.map(async (id) => ((await call(MEDIA_STATUS, { id })).data?.node as { status?: string } | null)?.status));
      if (statuses.every((s) => s === "READY")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { ids, failures, partial, notRebuilt };
}

/** Selected options from a variant title ("Red / Small") when the read did not select them. */
function titleOptions(v: RecordedVariant, optionNames: string[] | undefined): { name: string; value: string }[] | undefined {
  if (!optionNames || v.title === undefined) return undefined;
  const parts = v.title.split(" / ");
  return parts.length === optionNames.length ? parts.map((value, i) => ({ name: optionNames[i]!, value })) : undefined;
}

/**
 * Media a response first showed, already READY, in the media of a rebuilt product (a mutation's
 * answer listing the product's media, such as productCreateMedia with no new media). Media the
 * scenario created come back UPLOADED or PROCESSING from the mutation that made them (and the
 * replay order is not always the recording order), so only media no response ever shows in
 * another state, and that no step named before, were the product's own.
 */
export function readyMediaFirstShown(exchanges: Exchange[], found: Map<string, { type: string; catalog?: RecordedCatalog }>, made: Set<string>, marks?: SeedMarks): void {
  const seen = new Set<string>();
  const processing = new Set<string>();
  JSON.stringify(exchanges.map((ex) => ex.response?.data ?? null), (_k, v: unknown) => {
    if (isObject(v) && typeof v.id === "string" && typeof v.status === "string" && v.status !== "READY") processing.add(v.id);
    return v;
  });
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    const owner = typeof node.id === "string" ? found.get(node.id) : undefined;
    if (owner?.type === "Product" && node.media !== undefined) {
      for (const m of recordedCatalog({ media: node.media })?.media ?? []) {
        if (seen.has(m.id) || made.has(m.id) || processing.has(m.id) || m.status !== "READY") continue;
        const shown = nodesOf(node.media).find((n) => n.id === m.id);
        if (marks && shown) markMedia(marks, shown);
        const known = owner.catalog?.media ?? [];
        if (!known.some((k) => k.id === m.id)) owner.catalog = { ...owner.catalog, media: [...known, m] };
      }
    }
    Object.values(node).forEach(walk);
  };
  for (const ex of exchanges) {
    for (const g of requestText(ex).match(ANY_GID) ?? []) seen.add(g);
    walk(ex.response?.data);
    for (const g of JSON.stringify(ex.response?.data ?? null).match(ANY_GID) ?? []) seen.add(g);
  }
}

/**
 * Images a media delete's answer lists as deleted (productDeleteMedia's deletedMediaIds) that no
 * step showed before: the product had them, though no read showed their source. They are rebuilt
 * from the placeholder source (their image values count as unknown), READY when the answer also
 * lists one deleted ProductImage per deleted media (only a processed image has one,
 * product-create-media-parity.json), so that the replayed delete finds them
 * (product-delete-media-parity.json).
 */
export function deletedMediaFirstShown(exchanges: Exchange[], found: Map<string, { gid: string; type: string; fields: Record<string, unknown>; metafields: unknown[]; catalog?: RecordedCatalog }>, made: Set<string>, marks?: SeedMarks): void {
  const seen = new Set<string>();
  for (const ex of exchanges) {
    const payload = isObject(ex.response?.data) ? ex.response.data.productDeleteMedia : undefined;
    const product = typeof ex.variables?.productId === "string" ? ex.variables.productId : undefined;
    if (isObject(payload) && product && /\/Product\/\d+$/.test(product) && !made.has(product) && Array.isArray(payload.deletedMediaIds)) {
      const deleted = payload.deletedMediaIds.filter((id): id is string => typeof id === "string" && /\/MediaImage\//.test(id) && !seen.has(id) && !made.has(id));
      const ready = Array.isArray(payload.deletedProductImageIds) && payload.deletedProductImageIds.length === payload.deletedMediaIds.length;
      if (deleted.length) {
        const owner = found.get(product) ?? { gid: product, type: "Product", fields: {}, metafields: [] };
        const known = owner.catalog?.media ?? [];
        owner.catalog = { ...owner.catalog, media: [...deleted.filter((id) => !known.some((k) => k.id === id)).map((id) => ({ id, mediaContentType: "IMAGE", ...(ready ? { status: "READY" } : {}) })), ...known] };
        found.set(product, owner);
        marks?.mark(product, payload, ["deletedMediaIds"]);
      }
    }
    for (const g of stepText(ex).match(ANY_GID) ?? []) seen.add(g);
  }
}
