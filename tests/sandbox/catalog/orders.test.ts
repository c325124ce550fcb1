import { describe, expect, it } from "vitest";
import { createOrder } from "../../../sandbox/shopify/catalog/orders/create-order";
import { catalogOf } from "../../../sandbox/shopify/catalog/store";
import { onShopEvent, type ShopEvent } from "../../../sandbox/shopify/events";
import { configuredScopes } from "../../../sandbox/config";
import { graphql } from "../helpers";
import { useSeededSandbox } from "./catalog-helpers";

// Lean list fields: 120 orders with nested line items would exceed Shopify's cost limits (1000 per
// query, 2000-point bucket), so details are read per order below, as a real client would.
const LIST_FIELDS = `id name createdAt displayFinancialStatus currencyCode presentmentCurrencyCode
  totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
  customerJourneySummary { firstVisit { landingPage referrerUrl source utmParameters { source medium campaign } } }`;
const DETAIL = `query D($id: ID!) { order(id: $id) { name presentmentCurrencyCode
  totalPriceSet { presentmentMoney { amount } } subtotalPriceSet { presentmentMoney { amount } } totalTaxSet { presentmentMoney { amount } }
  totalShippingPriceSet { presentmentMoney { amount } } totalRefundedSet { shopMoney { amount } presentmentMoney { amount currencyCode } }
  refunds { note totalRefundedSet { presentmentMoney { amount } } } displayFinancialStatus
  lineItems(first: 5) { nodes { name quantity sku originalUnitPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } variant { id } } } } }`;

describe("Admin GraphQL orders and customers (catalog twin)", () => {
  // read_all_orders and read_customers on top of the app's scopes, to see the whole 90-day history.
  const t = useSeededSandbox({ scopes: [...configuredScopes(), "read_all_orders", "read_customers"] });
  // Paged like a real client: a 120-order page with nested line items would exceed the 1000-point query cost.
  let cached: any[] | undefined;
  const all = async () => {
    if (cached) return cached;
    const out: any[] = [];
    let after: string | null = null;
    do {
      const json: any = await t.gql(`query($after: String) { orders(first: 60, after: $after, sortKey: CREATED_AT) { nodes { ${LIST_FIELDS} } pageInfo { hasNextPage endCursor } } }`, { after });
      if (!json.data) throw new Error(JSON.stringify(json.errors));
      out.push(...json.data.orders.nodes);
      after = json.data.orders.pageInfo.hasNextPage ? json.data.orders.pageInfo.endCursor : null;
    } while (after);
    return (cached = out);
  };

  it("serves 120 orders over the last 90 days with UTM landing data per channel", async () => {
    const orders = await all();
    expect(orders).toHaveLength(120);
    const ages = orders.map((o: any) => (Date.now() - Date.parse(o.createdAt)) / 86_400_000);
    expect(Math.max(...ages)).toBeLessThanOrEqual(91);
    expect(orders.map((o: any) => o.name)).toEqual(orders.map((_: unknown, i: number) => `#${1001 + i}`));
    const sources = new Set(orders.map((o: any) => o.customerJourneySummary.firstVisit.utmParameters?.source ?? "direct"));
    expect(sources).toEqual(new Set(["google", "facebook", "tiktok", "instagram", "newsletter", "direct"]));
    const google = orders.find((o: any) => o.customerJourneySummary.firstVisit.utmParameters?.source === "google");
    expect(google.customerJourneySummary.firstVisit).toMatchObject({
      landingPage: expect.stringMatching(/^https:\/\/tessera-demo\.myshopify\.com\/.*utm_source=google&utm_medium=cpc&utm_campaign=/),
      referrerUrl: "https://www.google.com/",
      source: "Google",
      utmParameters: { medium: "cpc" },
    });
  });

  it("keeps shop and presentment money consistent, with JPY orders from the Japan market", async () => {
    const orders = await all();
    const jpy = orders.filter((o: any) => o.presentmentCurrencyCode === "JPY");
    expect(jpy.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(o.currencyCode).toBe("EUR");
      expect(o.totalPriceSet.shopMoney.currencyCode).toBe("EUR");
      expect(o.totalPriceSet.presentmentMoney.currencyCode).toBe(o.presentmentCurrencyCode);
    }
    expect(jpy[0].totalPriceSet.presentmentMoney.amount).toMatch(/^\d+\.0$/); // Decimal form, no yen fractions
    expect(jpy[0].customerJourneySummary.firstVisit.landingPage).toMatch(/\/(ja|en)-jp\//);
    for (const { id } of [...jpy.slice(0, 3), ...orders.slice(0, 5)]) {
      const o = (await t.gql(DETAIL, { id })).data.order;
      const p = (m: any) => Number(m.presentmentMoney.amount);
      // EU/JP prices include VAT; the US adds tax on top.
      const gross = p(o.subtotalPriceSet) + p(o.totalShippingPriceSet);
      expect([gross, gross + p(o.totalTaxSet)].map((n) => n.toFixed(2))).toContain(p(o.totalPriceSet).toFixed(2));
      const lines = o.lineItems.nodes.reduce((s: number, l: any) => s + p(l.originalUnitPriceSet) * l.quantity, 0);
      expect(lines.toFixed(2)).toBe(p(o.subtotalPriceSet).toFixed(2));
      for (const l of o.lineItems.nodes) expect(l.originalUnitPriceSet.presentmentMoney.currencyCode).toBe(o.presentmentCurrencyCode);
    }
  });

  it("records refunds and financial statuses", async () => {
    const records = [...catalogOf(t.sandbox.state, t.sandbox.defaultShop).orders.values()];
    const refunded = records.filter((o) => o.refunds.length);
    expect(refunded.length).toBeGreaterThan(0);
    for (const r of refunded.slice(0, 4)) {
      const o = (await t.gql(DETAIL, { id: r.gid })).data.order;
      expect(["REFUNDED", "PARTIALLY_REFUNDED"]).toContain(o.displayFinancialStatus);
      const sum = o.refunds.reduce((s: number, x: any) => s + Number(x.totalRefundedSet.presentmentMoney.amount), 0);
      expect(sum.toFixed(2)).toBe(Number(o.totalRefundedSet.presentmentMoney.amount).toFixed(2));
      expect(o.totalRefundedSet.presentmentMoney.currencyCode).toBe(o.presentmentCurrencyCode);
    }
    const counts = await t.gql(`{ refunded: ordersCount(query: "financial_status:refunded,partially_refunded") { count } paid: ordersCount(query: "financial_status:paid") { count } limited: ordersCount(limit: 5) { count precision } }`);
    expect(counts.data.refunded.count).toBe(refunded.length);
    expect(counts.data.paid.count).toBe(records.filter((o) => o.financialStatus === "PAID").length);
    expect(counts.data.limited).toEqual({ count: 5, precision: "AT_LEAST" });
  });

  it("filters orders by created_at, name and id ranges", async () => {
    const orders = await all();
    const mid = orders[60];
    const since = await t.gql(`query($q: String) { ordersCount(query: $q) { count } }`, { q: `created_at:>='${mid.createdAt}'` });
    expect(since.data.ordersCount.count).toBe(orders.filter((o: any) => o.createdAt >= mid.createdAt).length);
    const byName = await t.gql(`{ orders(first: 5, query: "name:1042") { nodes { name } } }`);
    expect(byName.data.orders.nodes).toEqual([{ name: "#1042" }]);
    const legacy = Number(mid.id.split("/").pop());
    const above = await t.gql(`query($q: String) { ordersCount(query: $q) { count } }`, { q: `id:>${legacy}` });
    expect(above.data.ordersCount.count).toBe(59);
    const one = await t.gql(`query($id: ID!) { order(id: $id) { name } }`, { id: mid.id });
    expect(one.data.order.name).toBe(mid.name);
  });

  it("reads customers with their orders", async () => {
    const json = await t.gql(`{ customersCount { count } customers(first: 50) { nodes { id displayName locale defaultEmailAddress { emailAddress } defaultAddress { countryCodeV2 } numberOfOrders amountSpent { amount currencyCode } } } }`);
    expect(json.data.customersCount.count).toBe(40);
    const locales = new Set(json.data.customers.nodes.map((c: any) => c.locale));
    expect(locales.size).toBeGreaterThanOrEqual(4);
    const countries = new Set(json.data.customers.nodes.map((c: any) => c.defaultAddress.countryCodeV2));
    expect(countries.size).toBeGreaterThanOrEqual(5);
    const orderTotal = json.data.customers.nodes.reduce((s: number, c: any) => s + Number(c.numberOfOrders), 0);
    expect(orderTotal).toBe(120);
  });

  it("creates orders from a cart and announces orders/create and orders/paid", async () => {
    const catalog = catalogOf(t.sandbox.state, t.sandbox.defaultShop);
    const product = [...catalog.products.values()].find((p) => p.status === "ACTIVE" && p.variants.some((v) => v.inventoryQuantity >= 2))!;
    const variant = product.variants.find((v) => v.inventoryQuantity >= 2)!;
    const stock = variant.inventoryQuantity;
    const events: ShopEvent[] = [];
    const stop = onShopEvent(t.sandbox.state, (e) => events.push(e));
    const result = createOrder(t.sandbox.state, t.sandbox.defaultShop, {
      lines: [{ variantId: variant.gid, quantity: 2 }],
      email: "new.shopper@example.com",
      landingSite: "/ja-jp/products/x?utm_source=tiktok&utm_medium=paid_social&utm_campaign=launch",
      referringSite: "https://www.tiktok.com/",
      locale: "ja",
      countryCode: "JP",
    });
    stop();
    expect(result.userErrors).toEqual([]);
    const order = result.order!;
    expect(order).toMatchObject({ name: "#1121", presentmentCurrencyCode: "JPY", currencyCode: "EUR", financialStatus: "PAID", locale: "ja" });
    expect(variant.inventoryQuantity).toBe(stock - 2);
    expect(events.map((e) => e.topic)).toEqual(["orders/create", "orders/paid", "products/update"]);
    expect(events[0]!.payload).toMatchObject({
      admin_graphql_api_id: order.gid,
      landing_site: "/ja-jp/products/x?utm_source=tiktok&utm_medium=paid_social&utm_campaign=launch",
      referring_site: "https://www.tiktok.com/",
      presentment_currency: "JPY",
      customer: { email: "new.shopper@example.com" },
      line_items: [{ variant_id: Number(variant.gid.split("/").pop()), quantity: 2 }],
    });
    const read = await t.gql(`query($id: ID!) { order(id: $id) { name customer { defaultEmailAddress { emailAddress } } customerJourneySummary { firstVisit { source utmParameters { source campaign } } } } }`, { id: order.gid });
    expect(read.data.order).toEqual({ name: "#1121", customer: { defaultEmailAddress: { emailAddress: "new.shopper@example.com" } }, customerJourneySummary: { firstVisit: { source: "TikTok", utmParameters: { source: "tiktok", campaign: "launch" } } } });

    const soldOut = createOrder(t.sandbox.state, t.sandbox.defaultShop, { lines: [{ variantId: variant.gid, quantity: 10_000 }], email: "x@example.com", countryCode: "DE" });
    expect(soldOut.userErrors[0]).toMatchObject({ field: ["lineItems", "0", "quantity"] });
    const noMarket = createOrder(t.sandbox.state, t.sandbox.defaultShop, { lines: [{ variantId: variant.gid, quantity: 1 }], email: "x@example.com", countryCode: "BR" });
    expect(noMarket.userErrors[0]).toMatchObject({ field: ["countryCode"] });
  });
});

describe("orders and customers with the app's own scopes", () => {
  const t = useSeededSandbox();

  it("sees only the last 60 days of orders without read_all_orders", async () => {
    const json = await t.gql(`{ ordersCount { count } orders(first: 250) { nodes { createdAt } } }`);
    const cutoff = Date.now() - 60 * 86_400_000;
    expect(json.data.orders.nodes.every((o: any) => Date.parse(o.createdAt) >= cutoff)).toBe(true);
    const all = [...catalogOf(t.sandbox.state, t.sandbox.defaultShop).orders.values()];
    expect(json.data.ordersCount.count).toBe(all.filter((o) => Date.parse(o.createdAt) >= cutoff).length);
    expect(json.data.ordersCount.count).toBeLessThan(120);
  });

  it("denies customer data without read_customers, as Shopify does", async () => {
    const json = await t.gql(`{ customers(first: 1) { nodes { id } } }`);
    expect(json.data).toBeNull();
    expect(json.errors[0]).toMatchObject({
      message: "Access denied for customers field. Required access: `read_customers` access scope.",
      extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: "`read_customers` access scope." },
      path: ["customers"],
    });
    const viaOrder = await graphql(t.sandbox, t.token, `{ orders(first: 1) { nodes { name customer { id } } } }`);
    expect(viaOrder.json.errors[0]).toMatchObject({ extensions: { code: "ACCESS_DENIED" }, path: ["orders", "nodes", 0, "customer"] });
    expect(viaOrder.json.data.orders.nodes[0].customer).toBeNull();
  });
});
