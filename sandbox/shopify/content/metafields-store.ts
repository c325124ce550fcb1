import { createHash } from "node:crypto";
import { domainState, registerNode, unregisterNode, type ShopifyState } from "../state";

// Metafields of every owner (product, variant, collection, shop, …) in the twin. The content domain
// owns writes (metafieldsSet/Delete); owners' resolvers read through here (see metafield-fields.ts).
export interface MetafieldRecord {
  gid: string; // gid://shopify/Metafield/<id>
  legacyId: number;
  ownerGid: string;
  namespace: string; // "app--<api client id>--x" for $app namespaces, as Shopify stores them
  key: string;
  type: string; // single_line_text_field, json, number_integer, …
  value: string; // normalized as Shopify stores it (e.g. date_time gains "+00:00")
  jsonValue: unknown;
  compareDigest: string;
  version: number; // bumps on every change so an old compareDigest goes stale
  createdAt: string;
  updatedAt: string;
}

/** shop → ownerGid → "namespace.key" → record */
type Store = Map<string, Map<string, Map<string, MetafieldRecord>>>;

function store(state: ShopifyState): Store {
  return domainState(state, "metafields", () => new Map() as Store);
}

export function metafieldsOf(state: ShopifyState, shop: string, ownerGid: string): Map<string, MetafieldRecord> {
  const byShop = store(state);
  let owners = byShop.get(shop);
  if (!owners) byShop.set(shop, (owners = new Map()));
  let fields = owners.get(ownerGid);
  if (!fields) owners.set(ownerGid, (fields = new Map()));
  return fields;
}

export function readMetafield(state: ShopifyState, shop: string, ownerGid: string, namespace: string, key: string): MetafieldRecord | undefined {
  return metafieldsOf(state, shop, ownerGid).get(`${namespace}.${key}`);
}

/** Opaque 64-hex digest; changes whenever the row changes (Shopify treats it as opaque too). */
export function digestOf(record: Pick<MetafieldRecord, "gid" | "version" | "type" | "value">): string {
  return createHash("sha256").update(`${record.gid}\n${record.version}\n${record.type}\n${record.value}`).digest("hex");
}

/** Stores a new row; metafields are Node types, so node(id:) finds them. */
export function addMetafield(state: ShopifyState, shop: string, record: MetafieldRecord): void {
  metafieldsOf(state, shop, record.ownerGid).set(`${record.namespace}.${record.key}`, record);
  registerNode(state, shop, { gid: record.gid, typename: "Metafield" });
}

/** Removes one row; false when the owner has no such row. */
export function removeMetafield(state: ShopifyState, shop: string, ownerGid: string, namespace: string, key: string): boolean {
  const rows = metafieldsOf(state, shop, ownerGid);
  const record = rows.get(`${namespace}.${key}`);
  if (!record) return false;
  rows.delete(`${namespace}.${key}`);
  unregisterNode(state, shop, record.gid);
  return true;
}

/** The row with this Metafield gid, in any owner. */
export function findMetafieldByGid(state: ShopifyState, shop: string, gid: string): MetafieldRecord | undefined {
  for (const rows of metafieldOwners(state, shop).values()) for (const r of rows.values()) if (r.gid === gid) return r;
  return undefined;
}

/** Removes every metafield of an owner (owners call this when they are deleted). */
export function deleteOwnerMetafields(state: ShopifyState, shop: string, ownerGid: string): void {
  for (const r of store(state).get(shop)?.get(ownerGid)?.values() ?? []) unregisterNode(state, shop, r.gid);
  store(state).get(shop)?.delete(ownerGid);
}

/** Every owner's metafields in a shop (owner gid → "namespace.key" → record). */
export function metafieldOwners(state: ShopifyState, shop: string): Map<string, Map<string, MetafieldRecord>> {
  return store(state).get(shop) ?? new Map();
}
