// The staff-facing languages Tessera ships. Tags follow Shopify admin's `locale` parameter.
export const SUPPORTED_LOCALES = ["en", "de", "fr", "es", "it", "ja", "zh-CN", "pt-BR"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

// Traditional Chinese scripts/regions must not get Simplified Chinese: they fall through to the
// next preference (Accept-Language, then English).
const TRADITIONAL_CHINESE = /^zh-(hant|tw|hk|mo)\b/i;

/** Maps a BCP 47 tag (`de-DE`, `pt`, `zh-Hans-CN`) to a supported locale, or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const normalized = tag?.trim().replace(/_/g, "-");
  if (!normalized) return undefined;
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === normalized.toLowerCase());
  if (exact) return exact;
  if (TRADITIONAL_CHINESE.test(normalized)) return undefined;
  const language = normalized.split("-")[0]!.toLowerCase();
  return SUPPORTED_LOCALES.find((l) => l.split("-")[0]!.toLowerCase() === language);
}

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
