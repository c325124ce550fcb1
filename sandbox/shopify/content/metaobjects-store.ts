import { domainState, registerNode, unregisterNode, type ShopifyState } from "../state";

// Metaobject definitions and entries of every shop. Plain records; metaobjects.ts maps them to GraphQL.
// Entries are registered as nodes so metafield/metaobject references and ownerId checks find them.

export interface FieldDefinitionRecord { key: string; name: string; description: string | null; required: boolean; type: string; validations: { name: string; value: string }[]; adminFilterable: boolean }

export interface MetaobjectDefinitionRecord {
  id: number;
  shop: string;
  type: string; // stored lowercase; app types as app--<api client id>--suffix
  ownerApiKey: string | null; // set for app-reserved types
  creatorApiKey?: string; // the app whose token created or enabled it (createdByApp)
  name: string;
  description: string | null;
  displayNameKey: string | null;
  access: { admin: string; storefront: string; customerAccount: string };
  capabilities: { publishable: boolean; translatable: boolean; renderable: boolean; onlineStore: boolean; urlHandle: string | null };
  fieldDefinitions: FieldDefinitionRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface MetaobjectRecord {
  id: number;
  shop: string;
  type: string;
  handle: string;
  fallbackName?: string; // displayName when no display-name field value is set
  fields: Map<string, { value: string; jsonValue: unknown; raw?: string }>; // raw: the input as written
  status: "DRAFT" | "ACTIVE" | null; // null when the definition is not publishable
  templateSuffix: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Store { definitions: Map<number, MetaobjectDefinitionRecord>; objects: Map<number, MetaobjectRecord> }

export const metaobjectStore = (state: ShopifyState) =>
  domainState(state, "metaobjects", (): Store => ({ definitions: new Map(), objects: new Map() }));

export function definitionByType(state: ShopifyState, shop: string, type: string): MetaobjectDefinitionRecord | undefined {
  const wanted = type.toLowerCase();
  for (const d of metaobjectStore(state).definitions.values()) if (d.shop === shop && d.type === wanted) return d;
  return undefined;
}

export function objectsOfType(state: ShopifyState, shop: string, type: string): MetaobjectRecord[] {
  return [...metaobjectStore(state).objects.values()].filter((o) => o.shop === shop && o.type === type);
}

export function saveObject(state: ShopifyState, record: MetaobjectRecord): void {
  metaobjectStore(state).objects.set(record.id, record);
  registerNode(state, record.shop, { gid: `gid://shopify/Metaobject/${record.id}`, typename: "Metaobject" });
}

export function deleteObject(state: ShopifyState, record: MetaobjectRecord): void {
  metaobjectStore(state).objects.delete(record.id);
  unregisterNode(state, record.shop, `gid://shopify/Metaobject/${record.id}`);
}

/** URL redirects Shopify creates when an online-store entry is renamed with redirectNewHandle. */
export interface MetaobjectUrlRedirect { shop: string; path: string; target: string }

export const metaobjectUrlRedirects = (state: ShopifyState) => domainState(state, "metaobject-url-redirects", (): MetaobjectUrlRedirect[] => []);

export function recordUrlRedirect(state: ShopifyState, redirect: MetaobjectUrlRedirect): void {
  metaobjectUrlRedirects(state).push(redirect);
}
