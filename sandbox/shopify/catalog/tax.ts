// Demo tax and shipping rules: EU/JP prices include VAT (taxesIncluded), the US adds sales tax.
// Amounts are in the order's presentment currency.

const VAT: Record<string, number> = { DE: 0.19, AT: 0.2, FR: 0.2, ES: 0.21, IE: 0.23, NL: 0.21, BE: 0.21, IT: 0.22, GB: 0.2, JP: 0.1, MX: 0.16 };
const US_SALES_TAX = 0.0725;

export function taxRule(countryCode: string): { rate: number; included: boolean } {
  if (countryCode === "US") return { rate: US_SALES_TAX, included: false };
  return { rate: VAT[countryCode] ?? 0.2, included: true };
}

/** Flat shipping with a free-shipping threshold, per presentment currency. */
export function shippingFor(subtotal: number, currency: string): number {
  if (currency === "JPY") return subtotal >= 12_000 ? 0 : 800;
  if (currency === "MXN") return subtotal >= 1_500 ? 0 : 99;
  return subtotal >= 75 ? 0 : 4.9;
}
