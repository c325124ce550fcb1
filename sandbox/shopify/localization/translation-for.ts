import type { ShopifyState } from "../state";
import { findMarket } from "./markets";
import { localizationOf, translationSlot } from "./store";

// What a storefront shows for one field of a resource in `locale` (and optionally a market):
// the market's own translation first, then the shop-level one; null = render the source value.
// Outdated translations are still served (Shopify keeps showing them until they are updated).
export function translationFor(state: ShopifyState, shop: string, gid: string, key: string, locale: string, marketGid?: string | null): string | null {
  const record = state.shops.get(shop);
  if (!record) return null;
  const stored = localizationOf(state, record).translations.get(gid);
  if (!stored) return null;
  const marketId = marketGid ? findMarket(record, marketGid)?.id : undefined;
  const scoped = marketId === undefined ? undefined : stored.get(translationSlot(key, locale, marketId));
  return (scoped ?? stored.get(translationSlot(key, locale, null)))?.value ?? null;
}
