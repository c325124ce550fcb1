import { domainState, type ShopifyState } from "../state";
import type { CatalogState } from "./types";

/** The catalog of one shop of the twin (created empty on first use; the seed fills it). */
export function catalogOf(state: ShopifyState, shop: string): CatalogState {
  const all = domainState(state, "catalog", () => new Map<string, CatalogState>());
  let catalog = all.get(shop);
  if (!catalog) {
    catalog = { products: new Map(), collections: new Map(), customers: new Map(), orders: new Map() };
    all.set(shop, catalog);
  }
  return catalog;
}
