// In-memory state of the Shopify twin. Plain records, no GraphQL shapes: resolvers map them.
// A later issue seeds products etc. from the shared CSVs; keep new collections here.

export interface ShopLocaleRecord { locale: string; name: string; primary: boolean; published: boolean }

export interface MarketRecord {
  id: number;
  name: string;
  handle: string;
  status: "ACTIVE" | "DRAFT";
  type: "REGION" | "LOCATION" | "COMPANY_LOCATION" | "CHANNEL" | "NONE";
  countryCodes: string[];
  /** The primary market is served from the primary domain's root (no subfolder). */
  primary?: boolean;
  currencyCode?: string; // presentment currency of the market (defaults to the shop's)
  /** Seeded without its currency (a rebuilt market no read showed it for): answers it decides are refused, not defaulted. */
  currencyUnknown?: boolean;
  /** Known currency settings besides the base currency (null: the market has none); undefined: not modelled, Market.currencySettings fails loudly. */
  currencySettings?: { localCurrencies: boolean; roundingEnabled: boolean } | null;
  /** Known price inclusions (null: none; only the fields given); undefined: not modelled, fails loudly. */
  priceInclusions?: Record<string, unknown> | null;
  /** Subfolder web presence (/<locale>-<suffix>/), or the root one for the primary market. */
  webPresence?: { id: number; subfolderSuffix: string | null; defaultLocale: string; alternateLocales: string[] } | null;
}

export interface StaffRecord { id: number; firstName: string; lastName: string; email: string; locale: string; accountOwner: boolean }

export interface ShopRecord {
  id: number;
  domain: string; // <handle>.myshopify.com
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  primaryDomain: { id: number; host: string };
  plan: { partnerDevelopment: boolean; shopifyPlus: boolean; publicDisplayName: string };
  locales: ShopLocaleRecord[];
  markets: MarketRecord[];
  staff: StaffRecord[];
  /** The store's address (Shop.shopAddress) as far as it is known: fields not held here fail loudly. */
  address?: Record<string, unknown>;
}

export interface AppInstallationRecord { id: number; shop: string; apiKey: string; scopes: string[] }

export interface NodeRecord { gid: string; typename: string }

export interface ShopifyState {
  shops: Map<string, ShopRecord>;
  installations: Map<string, AppInstallationRecord>; // key: `${shop} ${apiKey}`
  nextId: () => number;
  /** Every node of every shop by gid, registered by the domain that owns it (for node(s), ownerId checks). */
  nodes: Map<string, Map<string, NodeRecord>>;
  /** Per-domain state (catalog, localization, files, …), created on first use by the domain module. */
  domains: Map<string, unknown>;
}

export function createShopifyState(shops: ShopRecord[]): ShopifyState {
  let id = 1_000_000;
  for (const s of shops) id = Math.max(id, s.id, ...s.markets.map((m) => m.id));
  return {
    shops: new Map(shops.map((s) => [s.domain, s])),
    installations: new Map(),
    nextId: () => ++id,
    nodes: new Map(),
    domains: new Map(),
  };
}

/** A domain's own state, created once per twin: `domainState(state, "catalog", () => new CatalogStore())`. */
export function domainState<T>(state: ShopifyState, key: string, init: () => T): T {
  if (!state.domains.has(key)) state.domains.set(key, init());
  return state.domains.get(key) as T;
}

export function registerNode(state: ShopifyState, shop: string, node: NodeRecord): void {
  let nodes = state.nodes.get(shop);
  if (!nodes) state.nodes.set(shop, (nodes = new Map()));
  nodes.set(node.gid, node);
}

export function unregisterNode(state: ShopifyState, shop: string, gid: string): void {
  state.nodes.get(shop)?.delete(gid);
}

export function findNode(state: ShopifyState, shop: string, gid: string): NodeRecord | undefined {
  return state.nodes.get(shop)?.get(gid);
}

export function shopHandle(domain: string): string {
  return domain.replace(/\.myshopify\.com$/, "");
}

/** Shopify installs the app on the first token exchange; scopes come from the app's configuration. */
export function ensureInstallation(state: ShopifyState, shop: string, apiKey: string, scopes: string[]): AppInstallationRecord {
  const key = `${shop} ${apiKey}`;
  let inst = state.installations.get(key);
  if (!inst) {
    inst = { id: state.nextId(), shop, apiKey, scopes: [...scopes] };
    state.installations.set(key, inst);
  }
  return inst;
}
