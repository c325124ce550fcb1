import { marketLocalizableResource, marketLocalizableResources, marketLocalizableResourcesByIds, marketLocalizationsRegister, marketLocalizationsRemove } from "./market-localizations";
import { marketCreate, marketDelete, marketUpdate } from "./market-mutations";
import { market, markets, primaryMarket, webPresences } from "./markets";
import { catalog, catalogCreate, catalogDelete, catalogs, catalogsCount } from "./catalogs";
import { priceListCreate, priceListDelete, priceListUpdate, quantityRulesDelete } from "./price-lists";
import { availableLocales, shopLocaleDisable, shopLocaleEnable, shopLocales, shopLocaleUpdate } from "./shop-locales";
import { translatableResource, translatableResources, translatableResourcesByIds } from "./translatable-resources";
import { translationsRegister, translationsRemove } from "./translations-mutations";
import { webPresenceCreate, webPresenceDelete, webPresenceUpdate } from "./web-presence-mutations";
import { registerMetafieldTranslatableSource } from "./metafield-source";
import { registerMetaobjectTranslatableSource } from "./metaobject-source";

// Metaobject entries and metafields are translatable resources (the catalog registers its own types likewise).
registerMetaobjectTranslatableSource();
registerMetafieldTranslatableSource();

// Root Query/Mutation fields of the localization domain, merged into the twin's rootValue (resolvers/index.ts).
export const localizationRootFields: Record<string, unknown> = {
  // locales
  shopLocales,
  availableLocales,
  shopLocaleEnable,
  shopLocaleUpdate,
  shopLocaleDisable,
  // markets and web presences
  markets,
  market,
  primaryMarket,
  webPresences,
  marketCreate,
  marketUpdate,
  marketDelete,
  webPresenceCreate,
  webPresenceUpdate,
  webPresenceDelete,
  // market catalogs
  catalog,
  catalogs,
  catalogsCount,
  catalogCreate,
  catalogDelete,
  // price lists (none exist in the twin: error paths only)
  priceListCreate,
  priceListUpdate,
  priceListDelete,
  quantityRulesDelete,
  // translations
  translatableResource,
  translatableResources,
  translatableResourcesByIds,
  translationsRegister,
  translationsRemove,
  // market localizations (metafields, metaobjects)
  marketLocalizableResource,
  marketLocalizableResources,
  marketLocalizableResourcesByIds,
  marketLocalizationsRegister,
  marketLocalizationsRemove,
};
