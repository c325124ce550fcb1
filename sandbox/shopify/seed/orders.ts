import type { ShopifyState } from "../state";
import { addRefund, createOrder, marketFor } from "../catalog/orders/create-order";
import { catalogOf } from "../catalog/store";
import type { CustomerRecord, OrderRecord, ProductRecord } from "../catalog/types";
import type { Rng } from "./prng";

// ~120 orders over the last 90 days with the acquisition data the attribution loop needs:
// landing site with UTM parameters per channel, referring site, market/locale, some refunds.

interface Channel { source: string | null; medium?: string; campaigns?: string[]; referrer: string | null }
const CHANNELS: [Channel, number][] = [
  [{ source: "google", medium: "cpc", campaigns: ["brand_search", "shopping_pmax", "generic_jewelry"], referrer: "https://www.google.com/" }, 26],
  [{ source: "facebook", medium: "paid_social", campaigns: ["meta_prospecting", "meta_retargeting"], referrer: "https://l.facebook.com/" }, 20],
  [{ source: "tiktok", medium: "paid_social", campaigns: ["tiktok_spark_ugc", "tiktok_launch"], referrer: "https://www.tiktok.com/" }, 12],
  [{ source: "instagram", medium: "social", campaigns: ["ugc_gallery", "creator_collab"], referrer: "https://l.instagram.com/" }, 14],
  [{ source: "newsletter", medium: "email", campaigns: ["weekly_digest", "winback", "new_arrivals"], referrer: null }, 12],
  [{ source: null, referrer: null }, 16], // direct
];

export function seedOrders(state: ShopifyState, shop: string, rng: Rng, customers: CustomerRecord[], count: number, now: Date): OrderRecord[] {
  const shopRecord = state.shops.get(shop)!;
  const sellable = [...catalogOf(state, shop).products.values()].filter((p) => p.status === "ACTIVE" && p.publishedAt && p.variants.length);
  const buyers = customers.filter((c) => marketFor(shopRecord, c.countryCode));
  if (!sellable.length || !buyers.length) return [];
  // Order times ascending so order numbers and ids follow time, as in Shopify.
  const times = Array.from({ length: count }, () => now.getTime() - rng.int(60, 90 * 86_400) * 1000).sort((a, b) => a - b);
  const orders: OrderRecord[] = [];
  for (const time of times) {
    const customer = rng.pick(buyers);
    const market = marketFor(shopRecord, customer.countryCode)!;
    const channel = rng.weighted(CHANNELS);
    const products: ProductRecord[] = Array.from({ length: rng.weighted([[1, 6], [2, 3], [3, 1]] as const) }, () => rng.pick(sellable));
    const lines = products.map((p) => ({ variantId: rng.pick(p.variants).gid, quantity: rng.weighted([[1, 8], [2, 2]] as const) }));
    const result = createOrder(state, shop, {
      lines,
      customerId: customer.gid,
      countryCode: customer.countryCode,
      locale: customer.locale,
      landingSite: landingSite(market.webPresence ?? null, customer.locale, products[0]!.handle, channel, rng),
      referringSite: channel.referrer,
      financialStatus: rng.chance(0.05) ? "PENDING" : "PAID",
      processedAt: new Date(time),
      historical: true,
    });
    if (!result.order) throw new Error(`seed order failed: ${result.userErrors[0]?.message}`);
    const order = result.order;
    // ~10% of paid orders see a refund a few days later: full or one line's worth.
    if (order.financialStatus === "PAID" && rng.chance(0.1)) {
      const refundAt = new Date(Math.min(now.getTime() - 3_600_000, time + rng.int(2, 14) * 86_400_000));
      const full = rng.chance(0.4);
      const amount = full ? Number(order.presentment.total) : Number(order.lines[0]!.unitPricePresentment);
      addRefund(state, shop, order, amount, refundAt, full ? "Returned: changed mind" : "Damaged item");
    }
    orders.push(order);
  }
  return orders;
}

/** Path + query of the first page, as Shopify stores landing_site. Subfolder per market web presence. */
function landingSite(presence: { subfolderSuffix: string | null; defaultLocale: string; alternateLocales: string[] } | null, locale: string, handle: string, channel: Channel, rng: Rng): string {
  let prefix = "";
  if (presence?.subfolderSuffix) prefix = `/${presence.alternateLocales.includes(locale) ? locale : presence.defaultLocale}-${presence.subfolderSuffix}`;
  else if (presence && presence.alternateLocales.includes(locale)) prefix = `/${locale}`;
  const page = rng.weighted([[`/products/${handle}`, 7], ["/", 2], ["/collections/all", 1]] as const);
  if (!channel.source) return `${prefix}${page}`;
  const params = new URLSearchParams({ utm_source: channel.source, utm_medium: channel.medium!, utm_campaign: rng.pick(channel.campaigns!) });
  if (channel.source === "instagram" || channel.source === "tiktok") params.set("utm_content", `ugc_${rng.int(1, 24)}`);
  return `${prefix}${page}?${params}`;
}
