import type { ShopifyState } from "../state";
import { translatableSource } from "./translatable-sources";

// TranslatableResourceTypes no domain registers a source for. Listing one as empty is true only
// when the twin cannot hold such resources; for the others an empty list would be invented.

/** Resources the twin cannot create (their roots are out of scope or fail loudly): none exist. */
const NONE_IN_TWIN = new Set([
  "ARTICLE", "ARTICLE_IMAGE", "BLOG", "PAGE", // content roots out of scope; captured empty for ARTICLE
  "SELLING_PLAN", "SELLING_PLAN_GROUP", // out of scope
  "COLLECTION_IMAGE", // collection images fail loudly in collectionCreate/Update
]);

/**
 * Why listing `resourceType` as empty would be false, or undefined when it is true.
 * Every Shopify shop has a SHOP resource, a theme, menus, notification and packing-slip templates, and
 * may have payment gateways, policies, delivery methods or filters the twin knows nothing of;
 * product options exist with products.
 */
export function unservedTypeProblem(state: ShopifyState, shop: string, resourceType: string): string | undefined {
  if (NONE_IN_TWIN.has(resourceType)) return undefined;
  if (resourceType === "PRODUCT_OPTION" || resourceType === "PRODUCT_OPTION_VALUE") {
    const products = translatableSource("PRODUCT")?.list(state, shop);
    const any = products ? !products[Symbol.iterator]().next().done : false;
    return any ? "product options are not served as translatable resources" : undefined;
  }
  return "resources a shop has or may have, which the twin does not model";
}
