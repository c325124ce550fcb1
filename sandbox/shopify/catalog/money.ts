// Money as Shopify prints it. Decimal (MoneyV2.amount) trims to at least one decimal ("55.0",
// "13.5"); the Money scalar (ProductVariant.price) keeps two ("24.00"). Captures: orders, products.

const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD"]);

export const currencyDigits = (currency: string) => (ZERO_DECIMAL.has(currency) ? 0 : 2);

export function roundMoney(amount: number, currency: string): number {
  const f = 10 ** currencyDigits(currency);
  return Math.round((amount + Number.EPSILON) * f) / f;
}

/** Stored form: fixed digits of the currency ("29.00", "4800"). */
export const moneyString = (amount: number, currency: string) => roundMoney(amount, currency).toFixed(currencyDigits(currency));

/** Decimal scalar form: "55.0", "13.5", "12.25". */
export function decimal(amount: string | number): string {
  const n = typeof amount === "number" ? amount : Number(amount);
  const s = String(Math.round(n * 1e6) / 1e6);
  return s.includes(".") || s.includes("e") ? s : `${s}.0`;
}

export const moneyV2 = (amount: string | number, currencyCode: string) => ({ __typename: "MoneyV2", amount: decimal(amount), currencyCode });

export const moneyBag = (shop: string | number, shopCurrency: string, presentment: string | number, presentmentCurrency: string) => ({
  __typename: "MoneyBag",
  shopMoney: moneyV2(shop, shopCurrency),
  presentmentMoney: moneyV2(presentment, presentmentCurrency),
});

/** Demo exchange rates from EUR (fixed so seeded orders are stable). */
export const EUR_RATES: Record<string, number> = { EUR: 1, JPY: 162, MXN: 19.6, USD: 1.08, GBP: 0.85 };

export function convertFromShop(amount: number, shopCurrency: string, presentmentCurrency: string): number {
  const rate = (EUR_RATES[presentmentCurrency] ?? 1) / (EUR_RATES[shopCurrency] ?? 1);
  return roundMoney(amount * rate, presentmentCurrency);
}

export function convertToShop(amount: number, presentmentCurrency: string, shopCurrency: string): number {
  const rate = (EUR_RATES[shopCurrency] ?? 1) / (EUR_RATES[presentmentCurrency] ?? 1);
  return roundMoney(amount * rate, shopCurrency);
}
