import { currentAppInstallation } from "./app-installation";
import { markets } from "./markets";
import { shop } from "./shop";
import { shopLocales } from "./shop-locales";

// Root fields the twin answers. Every other QueryRoot/Mutation field fails loudly (not-implemented.ts).
// Add a file per root field (or domain) and register it here.
export const rootValue = {
  shop,
  shopLocales,
  markets,
  currentAppInstallation,
};

export { implementedFieldsOnly } from "./not-implemented";
