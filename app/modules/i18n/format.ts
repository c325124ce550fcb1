// Numbers and dates follow the staff member's locale, never the server's.
// Node and browsers ship different ICU versions, which disagree on narrow vs regular no-break
// spaces ("42 %", "2:07 PM"); one space keeps server and hydration output identical.
const stableSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, "\u00a0");

export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  return stableSpaces(new Intl.NumberFormat(locale, options).format(value));
}

/** `ratio` is 0..1. */
export function formatPercent(locale: string, ratio: number): string {
  return stableSpaces(new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio));
}

export function formatDateTime(locale: string, value: Date | string, timeZone?: string): string {
  // Explicit fields: dateStyle/timeStyle cannot be combined with timeZoneName.
  const format = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return stableSpaces(format.format(typeof value === "string" ? new Date(value) : value));
}

/** "Deutsch" for a German admin, "German" for an English one; the fallback when Intl has no name. */
export function languageName(locale: string, languageTag: string, fallback = languageTag): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(languageTag) ?? fallback;
  } catch {
    return fallback; // not a valid BCP 47 tag
  }
}

export function currencyName(locale: string, currencyCode: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "currency" }).of(currencyCode);
    return name && name !== currencyCode ? `${name} (${currencyCode})` : currencyCode;
  } catch {
    return currencyCode;
  }
}
