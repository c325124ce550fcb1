// Shopify money formatting: a shop's money_format / money_with_currency_format templates with the
// {{amount…}} placeholders, fed cents (Liquid prices are integers in the currency's minor unit).

export interface MoneyFormats { moneyFormat: string; moneyWithCurrencyFormat: string }

// Shopify's defaults for new stores in these currencies (Settings > General > Store currency).
const DEFAULT_FORMATS: Record<string, MoneyFormats> = {
  EUR: { moneyFormat: "€{{amount_with_comma_separator}}", moneyWithCurrencyFormat: "€{{amount_with_comma_separator}} EUR" },
  USD: { moneyFormat: "${{amount}}", moneyWithCurrencyFormat: "${{amount}} USD" },
  CAD: { moneyFormat: "${{amount}}", moneyWithCurrencyFormat: "${{amount}} CAD" },
  AUD: { moneyFormat: "${{amount}}", moneyWithCurrencyFormat: "${{amount}} AUD" },
  MXN: { moneyFormat: "${{amount}}", moneyWithCurrencyFormat: "${{amount}} MXN" },
  GBP: { moneyFormat: "£{{amount}}", moneyWithCurrencyFormat: "£{{amount}} GBP" },
  JPY: { moneyFormat: "¥{{amount_no_decimals}}", moneyWithCurrencyFormat: "¥{{amount_no_decimals}} JPY" },
  CHF: { moneyFormat: "CHF {{amount}}", moneyWithCurrencyFormat: "CHF {{amount}}" },
};

export function moneyFormatsFor(currencyCode: string): MoneyFormats {
  return DEFAULT_FORMATS[currencyCode] ?? { moneyFormat: `{{amount}} ${currencyCode}`, moneyWithCurrencyFormat: `{{amount}} ${currencyCode}` };
}

/** Decimal string ("29.00") → cents (2900), as Shopify's Liquid exposes prices. */
export function toCents(decimal: string | number): number {
  return Math.round(Number(decimal) * 100);
}

function groupDigits(cents: number, decimals: number, thousands: string, decimal: string): string {
  const negative = cents < 0;
  const fixed = (Math.abs(cents) / 100).toFixed(decimals);
  const [whole, frac] = fixed.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${negative ? "-" : ""}${grouped}${frac ? decimal + frac : ""}`;
}

const PLACEHOLDERS: Record<string, (cents: number) => string> = {
  amount: (c) => groupDigits(c, 2, ",", "."),
  amount_no_decimals: (c) => groupDigits(c, 0, ",", "."),
  amount_with_comma_separator: (c) => groupDigits(c, 2, ".", ","),
  amount_no_decimals_with_comma_separator: (c) => groupDigits(c, 0, ".", ","),
  amount_with_apostrophe_separator: (c) => groupDigits(c, 2, "'", "."),
  amount_no_decimals_with_space_separator: (c) => groupDigits(c, 0, " ", "."),
  amount_with_space_separator: (c) => groupDigits(c, 2, " ", ","),
  amount_with_period_and_space_separator: (c) => groupDigits(c, 2, " ", "."),
};

export function formatMoney(cents: number, format: string): string {
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => {
    const fn = PLACEHOLDERS[name];
    if (!fn) throw new Error(`money format placeholder {{${name}}} is not one Shopify knows`);
    return fn(cents);
  });
}
