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
}

export interface AppInstallationRecord { id: number; shop: string; apiKey: string; scopes: string[] }

export interface ShopifyState {
  shops: Map<string, ShopRecord>;
  installations: Map<string, AppInstallationRecord>; // key: `${shop} ${apiKey}`
  nextId: () => number;
}

export function createShopifyState(shops: ShopRecord[]): ShopifyState {
  let id = 1_000_000;
  for (const s of shops) id = Math.max(id, s.id, ...s.markets.map((m) => m.id));
  return {
    shops: new Map(shops.map((s) => [s.domain, s])),
    installations: new Map(),
    nextId: () => ++id,
  };
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
