import type { AdminContext } from "../admin-graphql/context";
import type { ShopRecord } from "../state";
import { AVAILABLE_LOCALES, localeName } from "./available-locales";
import { gidNumber, resolveShopLocale, shopLocaleNode } from "./markets";
import { localizationOf } from "./store";

// shopLocales / availableLocales and shopLocaleEnable/Update/Disable. Their payloads use plain
// UserError (field + message, no code). Messages and fields are the captured ones:
// localization-shop-locale-enable-validation.json, …-primary-guards.json, …-web-presence-*.json.

export const MAX_ALTERNATE_LOCALES = 20; // 20 non-primary languages enabled -> the 21st is refused

const PRIMARY_GUARD = "The primary locale of your store can't be changed through this endpoint.";
const NO_SUCH_LOCALE = "The locale doesn't exist.";
const err = (message: string, field: string[] | null = ["locale"]) => ({ __typename: "UserError", field, message });

// Shopify lists enabled locales sorted by code (captures: [de, en], [en, es, fr]), not primary first.
export function shopLocales(args: { published?: boolean | null }, { state, shop }: AdminContext) {
  return [...shop.locales]
    .filter((l) => !args.published || l.published)
    .sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0))
    .map((l) => shopLocaleNode(state, shop, l.locale));
}

export function availableLocales() {
  return AVAILABLE_LOCALES.map(([isoCode, name]) => ({ __typename: "Locale", isoCode, name }));
}

export function shopLocaleEnable(args: { locale: string; marketWebPresenceIds?: string[] | null }, { state, shop }: AdminContext) {
  const fail = (e: ReturnType<typeof err>) => ({ shopLocale: null, userErrors: [e] });
  const name = localeName(args.locale);
  if (isPrimary(shop, args.locale)) return fail(err(PRIMARY_GUARD));
  if (!name) return fail(err("Locale is invalid"));
  if (shop.locales.some((l) => l.locale === args.locale)) return fail(err("Locale has already been taken"));
  if (shop.locales.filter((l) => !l.primary).length >= MAX_ALTERNATE_LOCALES) {
    return fail(err(`Your store has reached its ${MAX_ALTERNATE_LOCALES} language limit. To add ${name}, delete one of your other languages.`, null));
  }
  const loc = localizationOf(state, shop);
  shop.locales.push({ locale: args.locale, name, primary: false, published: false });
  if (args.marketWebPresenceIds) setAlternateOn(args.locale, args.marketWebPresenceIds, loc.webPresences);
  return { shopLocale: shopLocaleNode(state, shop, args.locale), userErrors: [] };
}

interface ShopLocaleInput { published?: boolean | null; marketWebPresenceIds?: string[] | null }

export function shopLocaleUpdate(args: { locale: string; shopLocale: ShopLocaleInput }, { state, shop }: AdminContext) {
  const fail = (e: ReturnType<typeof err>) => ({ shopLocale: null, userErrors: [e] });
  if (isPrimary(shop, args.locale)) return fail(err(PRIMARY_GUARD));
  const record = shop.locales.find((l) => l.locale === args.locale);
  if (!record) {
    const name = localeName(args.locale);
    if (!name) return fail(err(NO_SUCH_LOCALE));
    // Captured quirk (enable-validation.json `partialUpdate`): updating a valid but not enabled locale
    // ("tr") succeeds with an unsaved, unpublished locale on no web presence; a later disable says it doesn't exist.
    return { shopLocale: { __typename: "ShopLocale", locale: args.locale, name, primary: false, published: false, marketWebPresences: [] }, userErrors: [] };
  }
  const loc = localizationOf(state, shop);
  if (args.shopLocale.published != null) record.published = args.shopLocale.published;
  if (args.shopLocale.marketWebPresenceIds) setAlternateOn(args.locale, args.shopLocale.marketWebPresenceIds, loc.webPresences);
  return { shopLocale: shopLocaleNode(state, shop, args.locale), userErrors: [] };
}

// "This also deletes all translations of this locale" (schema); the captures confirm it is immediate.
export function shopLocaleDisable(args: { locale: string }, { state, shop }: AdminContext) {
  const fail = (message: string) => ({ locale: null, userErrors: [err(message)] });
  if (isPrimary(shop, args.locale)) return fail(PRIMARY_GUARD);
  const index = shop.locales.findIndex((l) => l.locale === args.locale);
  if (index < 0) return fail(NO_SUCH_LOCALE);
  const loc = localizationOf(state, shop);
  // Presences may hold the locale under another spelling ("pt-br", "fr-CA" standing for fr): resolve first.
  for (const w of loc.webPresences) w.alternateLocales = w.alternateLocales.filter((l) => resolveShopLocale(shop, l) !== args.locale);
  shop.locales.splice(index, 1);
  for (const byResource of loc.translations.values()) {
    for (const [slot, t] of byResource) if (t.locale === args.locale) byResource.delete(slot);
  }
  return { locale: args.locale, userErrors: [] };
}

const isPrimary = (shop: ShopRecord, locale: string) => shop.locales.some((l) => l.primary && l.locale === locale);

// The locale becomes an alternate on exactly the listed presences (unknown ids are silently ignored,
// [] removes it everywhere); a presence whose default it is keeps it.
function setAlternateOn(locale: string, presenceGids: string[], presences: { id: number; defaultLocale: string; alternateLocales: string[] }[]) {
  const wanted = new Set(presenceGids.map((g) => gidNumber(g, "MarketWebPresence")));
  for (const w of presences) {
    if (w.defaultLocale === locale) continue;
    const has = w.alternateLocales.includes(locale);
    if (wanted.has(w.id) && !has) w.alternateLocales.push(locale);
    if (!wanted.has(w.id) && has) w.alternateLocales = w.alternateLocales.filter((l) => l !== locale);
  }
}
