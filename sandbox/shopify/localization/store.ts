import { domainState, type ShopRecord, type ShopifyState } from "../state";

// The localization domain's own records (translations, web presences) per shop. Shop locales and
// markets stay on ShopRecord (state.ts); this module only adds what has no home there.

export interface TranslationRecord {
  key: string;
  locale: string;
  marketId: number | null; // null = shop-level translation (all markets)
  value: string;
  sourceDigest: string; // digest of the source value it translated; differs from the current one => outdated
  updatedAt: string; // ISO, second precision like Shopify ("2026-07-11T16:59:22Z")
}

export interface MarketLocalizationRecord {
  key: string;
  value: string;
  marketId: number;
  sourceDigest: string; // digest of the content it localized; differs from the current one => outdated
  updatedAt: string;
}

export interface WebPresenceRecord {
  id: number;
  subfolderSuffix: string | null; // set => subfolder presence on the primary domain, domain null
  domain: { id: number; host: string } | null;
  defaultLocale: string;
  alternateLocales: string[];
  marketIds: number[];
}

export interface ShopLocalization {
  /** resource gid -> "<key> <locale> <marketId|->" -> record (insertion order = read order) */
  translations: Map<string, Map<string, TranslationRecord>>;
  webPresences: WebPresenceRecord[];
  /** ids webPresenceDelete removed: deleting one again still answers its id (captured). */
  deletedWebPresenceIds: Set<number>;
  /** Region markets created without status/enabled: Shopify decides from shipping rates the twin lacks. */
  marketsWithUnknownStatus: Set<number>;
  /** "<market id> <country code>" -> MarketRegionCountry id, minted on first read. */
  regionIds: Map<string, number>;
  /** resource gid -> "<key> <marketId>" -> market localization */
  marketLocalizations: Map<string, Map<string, MarketLocalizationRecord>>;
}

export function localizationOf(state: ShopifyState, shop: ShopRecord): ShopLocalization {
  const all = domainState(state, "localization", () => new Map<string, ShopLocalization>());
  let loc = all.get(shop.domain);
  if (!loc) {
    loc = { translations: new Map(), webPresences: seedWebPresences(state, shop), deletedWebPresenceIds: new Set(), marketsWithUnknownStatus: new Set(), regionIds: new Map(), marketLocalizations: new Map() };
    all.set(shop.domain, loc);
  }
  return loc;
}

// Web presences come from the markets' seed (MarketRecord.webPresence: subfolder ones, and the
// primary market's root one on the primary domain). A shop whose seed names no root presence still
// gets one, as every Shopify store has: the primary locale alone, no alternates, on no market —
// like the capture shop, whose published `de` was on no web presence (enable-validation.json).
function seedWebPresences(state: ShopifyState, shop: ShopRecord): WebPresenceRecord[] {
  const domain = { id: shop.primaryDomain.id, host: shop.primaryDomain.host };
  const seeded = shop.markets.flatMap((m) =>
    m.webPresence
      ? [{
          id: m.webPresence.id,
          subfolderSuffix: m.webPresence.subfolderSuffix,
          domain: m.webPresence.subfolderSuffix === null ? domain : null,
          defaultLocale: m.webPresence.defaultLocale,
          alternateLocales: [...m.webPresence.alternateLocales],
          marketIds: [m.id],
        }]
      : [],
  );
  if (seeded.some((w) => w.domain)) return seeded.sort((a, b) => a.id - b.id);
  const primary = shop.locales.find((l) => l.primary)?.locale ?? "en";
  const root: WebPresenceRecord = {
    id: state.nextId(),
    subfolderSuffix: null,
    domain,
    defaultLocale: primary,
    alternateLocales: [],
    marketIds: [],
  };
  return [root, ...seeded].sort((a, b) => a.id - b.id);
}

export const translationSlot = (key: string, locale: string, marketId: number | null) => `${key} ${locale} ${marketId ?? "-"}`;

export function translationsOf(loc: ShopLocalization, resourceGid: string): Map<string, TranslationRecord> {
  let map = loc.translations.get(resourceGid);
  if (!map) loc.translations.set(resourceGid, (map = new Map()));
  return map;
}

/** Shopify timestamps on translations have second precision. */
export const nowSeconds = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
