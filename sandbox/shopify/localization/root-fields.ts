import { market, markets, primaryMarket, webPresences } from "./markets";
import { availableLocales, shopLocaleDisable, shopLocaleEnable, shopLocales, shopLocaleUpdate } from "./shop-locales";
import { translatableResource, translatableResources, translatableResourcesByIds } from "./translatable-resources";
import { translationsRegister, translationsRemove } from "./translations-mutations";

// Root Query/Mutation fields of the localization domain, merged into the twin's rootValue (resolvers/index.ts).
export const localizationRootFields: Record<string, unknown> = {
  // locales
  shopLocales,
  availableLocales,
  shopLocaleEnable,
  shopLocaleUpdate,
  shopLocaleDisable,
  // markets and web presences (reads)
  markets,
  market,
  primaryMarket,
  webPresences,
  // translations
  translatableResource,
  translatableResources,
  translatableResourcesByIds,
  translationsRegister,
  translationsRemove,
};
