import type { ShopifyState } from "../state";
import { catalogOf } from "../catalog/store";
import { addCollection } from "../catalog/write";

// Smart collections per product type (as a merchant sets them up after a CSV import) plus a few
// curated ones: the home page (manual), new arrivals (manual), tag- and price-based smart ones.

const slug = (s: string) => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export function seedCollections(state: ShopifyState, shop: string, now: Date): void {
  const products = [...catalogOf(state, shop).products.values()];
  const at = new Date(now.getTime() - 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const base = { descriptionHtml: "", seo: { title: null, description: null }, updatedAt: at, publishedAt: at };
  const types = [...new Set(products.map((p) => p.productType).filter(Boolean))].sort();
  for (const type of types) {
    addCollection(state, shop, { ...base, handle: slug(type), title: type, sortOrder: "BEST_SELLING", ruleSet: { appliedDisjunctively: false, rules: [{ column: "TYPE", relation: "EQUALS", condition: type }] } });
  }
  const active = products.filter((p) => p.status === "ACTIVE" && p.publishedAt);
  addCollection(state, shop, { ...base, handle: "frontpage", title: "Home page", sortOrder: "MANUAL", ruleSet: null, productGids: active.slice(0, 8).map((p) => p.gid) });
  addCollection(state, shop, {
    ...base,
    handle: "new-arrivals",
    title: "New arrivals",
    descriptionHtml: "<p>The latest additions to the shop.</p>",
    seo: { title: "New arrivals", description: "Fresh pieces, just landed." },
    sortOrder: "CREATED_DESC",
    ruleSet: null,
    productGids: [...active].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 10).map((p) => p.gid),
  });
  addCollection(state, shop, { ...base, handle: "men", title: "Men", sortOrder: "BEST_SELLING", ruleSet: { appliedDisjunctively: false, rules: [{ column: "TAG", relation: "EQUALS", condition: "men" }] } });
  addCollection(state, shop, { ...base, handle: "women", title: "Women", sortOrder: "BEST_SELLING", ruleSet: { appliedDisjunctively: false, rules: [{ column: "TAG", relation: "EQUALS", condition: "women" }] } });
  addCollection(state, shop, { ...base, handle: "gifts-under-50", title: "Gifts under €50", sortOrder: "PRICE_ASC", ruleSet: { appliedDisjunctively: false, rules: [{ column: "VARIANT_PRICE", relation: "LESS_THAN", condition: "50.00" }] } });
  addCollection(state, shop, { ...base, handle: "sale", title: "Sale", sortOrder: "BEST_SELLING", ruleSet: { appliedDisjunctively: false, rules: [{ column: "IS_PRICE_REDUCED", relation: "IS_SET", condition: "true" }] } });
}
