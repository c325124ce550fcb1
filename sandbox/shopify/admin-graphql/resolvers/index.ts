import { catalogRootFields } from "../../catalog/root-fields";
import { contentRootFields } from "../../content/root-fields";
import { localizationRootFields } from "../../localization/root-fields";
import { platformRootFields } from "../../platform/root-fields";
import { currentAppInstallation } from "./app-installation";
import { shop } from "./shop";

// Root fields the twin answers. Every other QueryRoot/Mutation field fails loudly (not-implemented.ts).
// Add a file per root field (or domain) and register it here.
// Each domain folder (sandbox/shopify/<domain>/) owns its root fields; later entries win.
export const rootValue = {
  shop,
  currentAppInstallation,
  // shopLocales, markets & co. live in localization/root-fields.ts
  ...catalogRootFields,
  ...localizationRootFields,
  ...contentRootFields,
  ...platformRootFields,
};

export { implementedFieldsOnly } from "./not-implemented";
