import { localizationOf, type WebPresenceRecord } from "../shopify/localization/store";
import { translationFor } from "../shopify/localization/translation-for";
import type { MarketRecord, ShopRecord, ShopifyState } from "../shopify/state";

// Storefront URLs as Shopify Markets builds them from web presences: the primary domain's root
// presence serves its default locale at "/" and its alternates at "/<locale>/…"; a subfolder
// presence (suffix "de") serves "/<locale>-de/…" for each of its locales (e.g. /de-de, /en-de).
// A draft market's presence is not served (its subfolder is a 404, as on Shopify).

export interface StorefrontLocale {
  locale: string; // "de"
  primaryLocale: string; // the shop's primary locale ("en")
  market: MarketRecord;
  /** "/" or "/de/" or "/en-de/": routes.root_url plus the trailing slash. */
  root: string;
  /** The path below the locale folder, starting with "/". */
  rest: string;
}

export function resolveStorefrontLocale(state: ShopifyState, shop: ShopRecord, pathname: string): StorefrontLocale | undefined {
  const presences = localizationOf(state, shop).webPresences;
  const primaryLocale = shop.locales.find((l) => l.primary)?.locale ?? "en";
  const rootPresence = presences.find((p) => p.subfolderSuffix === null);
  const primaryMarket = marketOf(shop, rootPresence) ?? shop.markets.find((m) => m.primary) ?? shop.markets[0];
  if (!primaryMarket) return undefined;
  const first = /^\/([a-z]{2}(?:-[a-z0-9]+)?)(?=\/|$)/i.exec(pathname)?.[1]?.toLowerCase();
  if (first) {
    for (const presence of presences) {
      const market = marketOf(shop, presence);
      if (!market || market.status !== "ACTIVE") continue;
      for (const locale of [presence.defaultLocale, ...presence.alternateLocales]) {
        const folder = presence.subfolderSuffix === null ? (locale === presence.defaultLocale ? null : locale) : `${locale}-${presence.subfolderSuffix}`;
        if (folder && folder === first && isPublished(shop, locale)) {
          return { locale, primaryLocale, market, root: `/${folder}/`, rest: pathname.slice(folder.length + 1) || "/" };
        }
      }
    }
  }
  return { locale: rootPresence?.defaultLocale ?? primaryLocale, primaryLocale, market: primaryMarket, root: "/", rest: pathname || "/" };
}

/** Every locale folder of the shop, for the language/country selector. */
export function storefrontFolders(state: ShopifyState, shop: ShopRecord): { root: string; locale: string; market: MarketRecord }[] {
  const out: { root: string; locale: string; market: MarketRecord }[] = [];
  for (const presence of localizationOf(state, shop).webPresences) {
    const market = marketOf(shop, presence);
    if (!market || market.status !== "ACTIVE") continue;
    for (const locale of [presence.defaultLocale, ...presence.alternateLocales]) {
      if (!isPublished(shop, locale)) continue;
      const folder = presence.subfolderSuffix === null ? (locale === presence.defaultLocale ? "" : locale) : `${locale}-${presence.subfolderSuffix}`;
      out.push({ root: folder ? `/${folder}/` : "/", locale, market });
    }
  }
  return out;
}

function marketOf(shop: ShopRecord, presence: WebPresenceRecord | undefined): MarketRecord | undefined {
  if (!presence) return undefined;
  if (presence.marketIds.length) return shop.markets.find((m) => m.id === presence.marketIds[0]);
  return presence.subfolderSuffix === null ? shop.markets.find((m) => m.primary) : undefined;
}

const isPublished = (shop: ShopRecord, locale: string) => shop.locales.some((l) => l.locale === locale && (l.published || l.primary));

/** A resource field as the storefront shows it in this locale and market: its translation, else the source. */
export function localized(state: ShopifyState, shop: ShopRecord, loc: StorefrontLocale, gid: string, key: string, source: string): string {
  if (loc.locale === loc.primaryLocale) return source;
  return translationFor(state, shop.domain, gid, key, loc.locale, `gid://shopify/Market/${loc.market.id}`) ?? source;
}
