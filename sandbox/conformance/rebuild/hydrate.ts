import type { Exchange } from "../normalize";
import { acceptedCleanly, ANY_GID, isMutationStep, isObject, requestGids, requestText, rootKeys } from "../steps";
import { ensureInstallation } from "../../shopify/state";
import { postGraphql, type Twin } from "../twin";
import { apiClientId } from "../../shopify/platform/app-identity";
import { RECORDED_API_CLIENT_ID, TWIN_API_KEY } from "../volatile";
import { namedObjectsAnswered, notSetByRequest } from "./hydrate-answers";
import { unsettableFields } from "./not-rebuilt";
import { deletedMediaFirstShown, lonelyVariants, productOptionsInput, readyMediaFirstShown, recordedCatalog, rebuildCatalog, type RecordedCatalog } from "./hydrate-catalog";
import type { SeedMarks } from "./seeded-exchanges";
import { listPrefixObjects } from "./list-prefix";

// Products and collections the recorded shop already had and the scenario asks for by id, rebuilt
// in the twin before the replay from what the scenario's own reads showed of them, through the twin's Admin API (productCreate /
// collectionCreate, then metafieldsSet for the metafields those reads list). Only objects that a
// read showed before any step of the scenario created or changed them, and only the values that
// read showed (a field it did not select is not invented; a title is required, so an object read
// without one gets "Recorded product"/"Recorded collection"; such an object's unrecorded fields are
// then judged as unknown, never as passes). Reads before any change all show that state, so their
// values are united. An object no read showed first is taken from the first mutation answer that
// shows it, for the fields its request did not set (hydrate-answers.ts).
// The captured ids, and the metafields' compareDigest values, are paired with the twin's. A product's
// recorded options, variants and media are rebuilt after it (hydrate-catalog.ts).

const GID = /^gid:\/\/shopify\/(Product|Collection)\/\d+$/;
const CREATING = /(Create|Duplicate|Set|Upsert|Enable)$/;
const PRODUCT_FIELDS = ["title", "handle", "status", "vendor", "productType", "tags", "descriptionHtml", "templateSuffix", "seo"] as const;
const COLLECTION_FIELDS = ["title", "handle", "descriptionHtml"] as const;

interface RecordedMetafield { id?: string; namespace: string; key: string; type: string; value: string; compareDigest?: string }
export interface RecordedOwner {
  gid: string; type: "Product" | "Collection"; fields: Record<string, unknown>; metafields: RecordedMetafield[]; catalog?: RecordedCatalog;
  /** Fields only a mutation's answer showed (hydrate-answers.ts): used when no read showed the object. */
  answered?: Record<string, unknown>;
  /** Recorded values of it (and of its variants, by gid) that no Admin API input sets (not-rebuilt.ts). */
  unsettable?: Record<string, string[]>;
}

/**
 * Objects first seen in a read, before any mutation of the scenario named them (in its request or response).
 * `marks`: where each value taken came from (seeded-exchanges.ts).
 */
export function preexistingOwners(exchanges: Exchange[], marks?: SeedMarks): RecordedOwner[] {
  const touched = new Set<string>(); // named by a mutation so far: later reads show changed state
  const made = new Set<string>(); // returned by a mutation that was not asked about it: the scenario created it
  const found = new Map<string, RecordedOwner>();
  const isMutation = isMutationStep;
  // (only creating mutations: a delete stored without its request still names what it deleted)
  const creates = (ex: Exchange) => rootKeys(ex).some((k) => CREATING.test(k));
  for (const ex of exchanges.filter((e) => isMutation(e) && creates(e))) {
    const asked = requestGids(ex);
    for (const g of JSON.stringify(ex.response?.data ?? null).match(ANY_GID) ?? []) if (!asked.has(g)) made.add(g);
  }
  // What an asynchronous operation the scenario started (productSet synchronous: false,
  // productDuplicate) shows as its product was made by that operation, even when the mutation's
  // own answer did not name it yet.
  JSON.stringify(exchanges.map((ex) => ex.response?.data ?? null), (_k, v: unknown) => {
    if (isObject(v) && typeof v.id === "string" && /\/[A-Za-z]+Operation\/\d+$/.test(v.id) && made.has(v.id)) for (const g of JSON.stringify(v).match(ANY_GID) ?? []) made.add(g);
    return v;
  });
  for (const ex of exchanges) {
    if (isMutation(ex)) {
      answeredState(ex, touched, found, marks);
      // A mutation Shopify accepted without any error worked on objects that existed: the ones its
      // request names (an owner the recording only kept as `setup.productId`) were the shop's.
      if (acceptedCleanly(ex)) {
        for (const g of `${JSON.stringify(ex.variables ?? {})}`.match(ANY_GID) ?? []) {
          const type = GID.exec(g)?.[1];
          if (type && !found.has(g)) found.set(g, { gid: g, type: type as RecordedOwner["type"], fields: {}, metafields: [] });
        }
      }
      for (const g of `${JSON.stringify(ex.variables)} ${JSON.stringify(ex.response?.data ?? null)}`.match(ANY_GID) ?? []) touched.add(g);
      continue;
    }
    collect(ex.response?.data, touched, found, marks);
  }
  for (const g of bulkMade(exchanges)) made.add(g);
  for (const g of made) found.delete(g);
  // A metafield the scenario's own steps first show in a mutation's answer (metafieldsSet) was made or
  // changed by the scenario: what a proxy read (evidence, read at an unknown time) shows of it is not the shop's.
  const firstShown = new Map<string, boolean>(); // gid -> first shown by a mutation
  for (const ex of exchanges.filter((e) => !e.evidence)) for (const g of JSON.stringify(ex.response?.data ?? null).match(ANY_GID) ?? []) if (!firstShown.has(g)) firstShown.set(g, isMutation(ex));
  for (const owner of found.values()) owner.metafields = owner.metafields.filter((m) => !m.id || !firstShown.get(m.id));
  lonelyVariants(exchanges.filter((e) => isMutation(e) && acceptedCleanly(e)), exchanges, found, made);
  readyMediaFirstShown(exchanges, found, made, marks);
  deletedMediaFirstShown(exchanges, found, made, marks);
  // Only objects some step asks for by id, or that a read of a whole list from its start shows
  // (list-prefix.ts): a search of the recorded catalog is not turned into a catalog holding
  // exactly what it returned.
  const requested = new Set([...exchanges.flatMap((ex) => requestText(ex).match(ANY_GID) ?? []), ...listPrefixObjects(exchanges)]);
  return [...found.values()].filter((o) => requested.has(o.gid));
}

/**
 * Products and collections the scenario's steps first show after a bulk mutation of the scenario that
 * creates such objects (bulkOperationRunMutation of productCreate): that operation made them, though
 * no answer of it names them (bulk-operation-run-mutation-created-status.json: its downstreamRead shows
 * the product only the operation's result file lists). They are not the shop's earlier state.
 */
function bulkMade(exchanges: Exchange[]): Set<string> {
  const out = new Set<string>();
  const shown = new Set<string>();
  const types = new Set<string>(); // the types a bulk mutation of the scenario creates, from then on
  for (const ex of exchanges.filter((e) => !e.evidence)) {
    const gids = JSON.stringify(ex.response?.data ?? null).match(ANY_GID) ?? [];
    for (const g of gids) if (!shown.has(g) && types.has(GID.exec(g)?.[1] ?? "")) out.add(g);
    for (const g of [...gids, ...(requestText(ex).match(ANY_GID) ?? [])]) shown.add(g);
    const bulk = rootKeys(ex).includes("bulkOperationRunMutation") && !ex.response?.errors?.length ? JSON.stringify(ex.variables ?? {}) + (ex.query ?? "") : "";
    if (/\b(productCreate|productSet|productDuplicate)\b/.test(bulk)) types.add("Product");
    if (/\bcollectionCreate\b/.test(bulk)) types.add("Collection");
  }
  return out;
}

/** An object a mutation's answer shows first: its fields the request did not set (hydrate-answers.ts). */
function answeredState(ex: Exchange, touched: Set<string>, found: Map<string, RecordedOwner>, marks?: SeedMarks): void {
  for (const node of namedObjectsAnswered(ex)) {
    const id = node.id as string;
    const type = GID.exec(id)?.[1] as RecordedOwner["type"] | undefined;
    if (!type || touched.has(id) || found.has(id)) continue;
    const answered = notSetByRequest(ex, recordedFields(node, type === "Product" ? PRODUCT_FIELDS : COLLECTION_FIELDS));
    if (!Object.keys(answered).length) continue;
    found.set(id, { gid: id, type, fields: {}, metafields: [], answered });
    marks?.mark(id, node, ["id", ...Object.keys(answered)]);
  }
}

// A TranslatableResource shows its resource's source values as translatableContent (key -> value).
const CONTENT_FIELDS: Record<string, string> = { title: "title", handle: "handle", body_html: "descriptionHtml", product_type: "productType" };

function translatableSource(node: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof node.resourceId !== "string" || !Array.isArray(node.translatableContent)) return undefined;
  const out: Record<string, unknown> = { id: node.resourceId };
  for (const c of node.translatableContent as { key?: unknown; value?: unknown }[]) {
    const field = typeof c.key === "string" ? CONTENT_FIELDS[c.key] : undefined;
    if (field && typeof c.value === "string") out[field] = c.value;
  }
  return out;
}

function collect(node: unknown, touched: Set<string>, found: Map<string, RecordedOwner>, marks?: SeedMarks): void {
  if (Array.isArray(node)) return node.forEach((v) => collect(v, touched, found, marks));
  if (!isObject(node)) return;
  const source = translatableSource(node);
  if (source) {
    collect(source, touched, found);
    if (!touched.has(source.id as string)) markTranslatableSource(node, marks);
    return;
  }
  const id = typeof node.id === "string" ? node.id : undefined;
  const type = id && GID.exec(id)?.[1];
  if (id && type && !touched.has(id)) {
    const names = type === "Product" ? PRODUCT_FIELDS : COLLECTION_FIELDS;
    const fields = recordedFields(node, names);
    const catalog = type === "Product" ? recordedCatalog(node, marks) : undefined;
    marks?.mark(id, node, ["id", ...Object.keys(fields)]);
    if (marks) metafieldsBelow(node, (mf) => marks.mark(typeof mf.id === "string" ? mf.id : id, mf, METAFIELD_KEYS));
    const unsettable = type === "Product" ? productUnsettable(id, node) : undefined;
    const seen = found.get(id);
    // Reads before any change of the object show the same state: a later one adds what an earlier
    // one did not select (`nodes { id }` first, then a read with the title and metafields).
    if (seen) found.set(id, { ...seen, fields: { ...fields, ...seen.fields }, metafields: [...seen.metafields, ...metafieldsBelow(node).filter((m) => !seen.metafields.some((k) => k.namespace === m.namespace && k.key === m.key))], ...(seen.catalog ?? catalog ? { catalog: seen.catalog ?? catalog } : {}), ...(seen.unsettable ?? unsettable ? { unsettable: { ...unsettable, ...seen.unsettable } } : {}) });
    else found.set(id, { gid: id, type: type as RecordedOwner["type"], fields, metafields: metafieldsBelow(node), ...(catalog ? { catalog } : {}), ...(unsettable ? { unsettable } : {}) });
  }
  for (const v of Object.values(node)) collect(v, touched, found, marks);
}

const METAFIELD_KEYS = ["id", "namespace", "key", "type", "value", "compareDigest"];

/** A TranslatableResource's resource id and the source values hydrate took from its translatableContent. */
function markTranslatableSource(node: Record<string, unknown>, marks?: SeedMarks): void {
  const owner = node.resourceId as string;
  if (!GID.test(owner)) return;
  marks?.mark(owner, node, ["resourceId"]);
  for (const c of node.translatableContent as unknown[]) if (isObject(c) && typeof c.key === "string" && CONTENT_FIELDS[c.key] && typeof c.value === "string") marks?.mark(owner, c, ["key", "value"]);
}

/** A product node's recorded values (and its variants') that the rebuild cannot set, by gid. */
function productUnsettable(id: string, node: Record<string, unknown>): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  const own = unsettableFields(node, "Product");
  if (own.length) out[id] = own;
  const variants = isObject(node.variants) && Array.isArray(node.variants.nodes) ? node.variants.nodes : [];
  for (const v of variants) if (isObject(v) && typeof v.id === "string" && unsettableFields(v, "ProductVariant").length) out[v.id] = unsettableFields(v, "ProductVariant");
  return Object.keys(out).length ? out : undefined;
}

/** The owner fields a node shows (null and an all-null seo are what a new object has anyway). */
export function recordedFields(node: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const shown = (v: unknown) => v !== undefined && v !== null && !(isObject(v) && Object.values(v).every((x) => x === null));
  return Object.fromEntries(names.filter((f) => shown(node[f])).map((f) => [f, node[f]]));
}

/** Metafield-shaped objects under an owner (not under another object with its own id, except metafields). */
function metafieldsBelow(owner: Record<string, unknown>, onNode?: (node: Record<string, unknown>) => void): RecordedMetafield[] {
  const out: RecordedMetafield[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    const { namespace, key, type, value } = node;
    if (typeof namespace === "string" && typeof key === "string" && typeof type === "string" && typeof value === "string") {
      out.push({ id: typeof node.id === "string" ? node.id : undefined, namespace, key, type, value, compareDigest: typeof node.compareDigest === "string" ? node.compareDigest : undefined });
      onNode?.(node);
      return;
    }
    if (typeof node.id === "string" && !/\/Metafield\//.test(node.id)) return;
    Object.values(node).forEach(walk);
  };
  Object.entries(owner).forEach(([k, v]) => k !== "id" && walk(v));
  return out.filter((m, i) => out.findIndex((o) => o.namespace === m.namespace && o.key === m.key) === i);
}

const CREATE_PRODUCT = "mutation HydrateProduct($product: ProductCreateInput!) { productCreate(product: $product) { product { id } userErrors { field message } } }";
const CREATE_COLLECTION = "mutation HydrateCollection($input: CollectionInput!) { collectionCreate(input: $input) { collection { id } userErrors { field message } } }";
const SET_METAFIELDS = "mutation HydrateMetafields($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { id namespace key compareDigest } userErrors { field message } } }";

export interface Hydrated {
  ids: [string, string][];
  strings: [string, string][];
  failures: string[];
  /** Captured gids rebuilt without a recorded title (a placeholder): what a read shows of them is not known. */
  partial: string[];
  /** Captured gids of the shop's objects found in the recording that could not be rebuilt (a media whose source the offline twin cannot fetch). */
  notRebuilt?: string[];
  /** Recorded values of rebuilt objects that no Admin API input sets: [captured gid, field]. */
  unsettable?: [string, string][];
}

// The shop's own earlier work, done by another app than the one under test (its scopes are the
// scenario's, which may not include writing products).
const HYDRATION_APP = "conformance-recorded-shop";
const HYDRATION_SCOPES = ["read_products", "write_products"];

/** Creates the recorded owners in the twin; returns captured -> twin id and digest pairs. */
export async function hydrate(scenarioTwin: Twin, owners: RecordedOwner[]): Promise<Hydrated> {
  const out: Hydrated = { ids: [], strings: [], failures: [], partial: [], notRebuilt: [], unsettable: [] };
  if (!owners.length) return out;
  const { state, tokens } = scenarioTwin.sandbox;
  ensureInstallation(state, scenarioTwin.shop, HYDRATION_APP, HYDRATION_SCOPES);
  const twin: Twin = { ...scenarioTwin, token: tokens.issueOffline(scenarioTwin.shop, HYDRATION_APP, HYDRATION_SCOPES.join(","), { expiring: false }).access.token };
  for (const owner of owners) {
    const fields = { ...owner.answered, ...owner.fields };
    const title = fields.title ?? `Recorded ${owner.type.toLowerCase()}`;
    if (fields.title === undefined) out.partial.push(owner.gid);
    const reply = owner.type === "Product"
      ? await postGraphql(twin, { query: CREATE_PRODUCT, variables: { product: { ...fields, title, ...(productOptionsInput(owner.catalog) ? { productOptions: productOptionsInput(owner.catalog) } : {}) } } })
      : await postGraphql(twin, { query: CREATE_COLLECTION, variables: { input: { ...fields, title } } });
    const payload = (reply.body as { data?: Record<string, { product?: { id: string }; collection?: { id: string }; userErrors?: unknown[] } | null> })?.data;
    const made = payload?.productCreate?.product?.id ?? payload?.collectionCreate?.collection?.id;
    if (!made) {
      out.failures.push(`${owner.gid}: ${JSON.stringify(reply.body).slice(0, 200)}`);
      out.notRebuilt!.push(owner.gid);
      continue;
    }
    out.ids.push([owner.gid, made]);
    for (const [gid, fields] of Object.entries(owner.unsettable ?? {})) for (const f of fields) out.unsettable!.push([gid, f]);
    if (owner.catalog) {
      const rebuilt = await rebuildCatalog(twin, made, owner.gid, owner.catalog);
      out.ids.push(...rebuilt.ids);
      out.failures.push(...rebuilt.failures);
      out.partial.push(...rebuilt.partial);
      out.notRebuilt!.push(...rebuilt.notRebuilt);
    }
    // A namespace the recording app owns (app--<its client id>) only that app may write: the
    // scenario's own app, under the twin app's client id, writes those.
    const appOwned = (m: RecordedMetafield) => m.namespace.startsWith(`app--${RECORDED_API_CLIENT_ID}`);
    const groups: [Twin, RecordedMetafield[]][] = [[twin, owner.metafields.filter((m) => !appOwned(m))], [scenarioTwin, owner.metafields.filter(appOwned)]];
    for (const [writer, metafields] of groups) for (let i = 0; i < metafields.length; i += 25) {
      const batch = metafields.slice(i, i + 25);
      const namespaceOf = (m: RecordedMetafield) => m.namespace.replace(RECORDED_API_CLIENT_ID, apiClientId(TWIN_API_KEY));
      const set = await postGraphql(writer, { query: SET_METAFIELDS, variables: { metafields: batch.map((m) => ({ ownerId: made, namespace: namespaceOf(m), key: m.key, type: m.type, value: m.value })) } });
      const written = (set.body as { data?: { metafieldsSet?: { metafields?: { id: string; namespace: string; key: string; compareDigest: string }[] } } })?.data?.metafieldsSet?.metafields ?? [];
      if (written.length !== batch.length) out.failures.push(`${owner.gid} metafields: ${JSON.stringify(set.body).slice(0, 200)}`);
      for (const m of batch) {
        const twinMf = written.find((w) => w.namespace === namespaceOf(m) && w.key === m.key);
        if (!twinMf) continue;
        if (m.id) out.ids.push([m.id, twinMf.id]);
        if (m.compareDigest && m.compareDigest !== twinMf.compareDigest) out.strings.push([m.compareDigest, twinMf.compareDigest]);
      }
    }
  }
  return out;
}
