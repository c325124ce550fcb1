import type { GraphQLResolveInfo } from "graphql";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { unknownSeededState } from "../admin-graphql/resolvers/unknown-seeded-state";
import type { MarketRecord, ShopRecord } from "../state";

// A market's money: Market.currencySettings, Market.priceInclusions, MarketRegionCountry.currency.
// Captured (markets-baseline.json of both shops, markets-catalog.json): a market with currency
// settings shows its base currency on every listed country (harry's "Mexico": MXN, "International":
// CAD); one without (very-big's "Conformance US": currencySettings null) shows the currency its
// reads showed on its countries (CAD there); every base and country currency is `enabled: true`.
// Only markets whose currency the twin knows answer (fixtures, or the recorded shop's as its reads
// showed them); a market created in the twin gets no currency settings Shopify's answer pins down.

const CURRENCY_NAMES = new Intl.DisplayNames(["en"], { type: "currency" });

const currencySetting = (code: string) => ({ __typename: "CurrencySetting", currencyCode: code, currencyName: CURRENCY_NAMES.of(code) ?? code, enabled: true });

export function regionCurrency(_shop: ShopRecord, m: MarketRecord, info: GraphQLResolveInfo) {
  if (m.currencyCode) return currencySetting(m.currencyCode);
  if (m.currencyUnknown) throw unknownSeededState(`the currency of Market ${m.id}`, `gid://shopify/Market/${m.id}`);
  throw notImplemented(info, "MarketRegionCountry.currency of a market without a known currency");
}

export function marketCurrencySettings(_shop: ShopRecord, m: MarketRecord, info: GraphQLResolveInfo) {
  if (m.currencySettings === null) return null;
  if (!m.currencySettings || !m.currencyCode) throw notImplemented(info, "Market.currencySettings of a market whose currency settings are not known");
  return { __typename: "MarketCurrencySettings", baseCurrency: currencySetting(m.currencyCode), ...m.currencySettings };
}

export function marketPriceInclusions(m: MarketRecord, info: GraphQLResolveInfo) {
  if (m.priceInclusions === null) return null;
  if (!m.priceInclusions) throw notImplemented(info, "Market.priceInclusions of a market whose price inclusions are not known");
  return { __typename: "MarketPriceInclusions", ...m.priceInclusions };
}
