import { DEFAULT_LOCALE, matchLocale, type Locale } from "./locales";

/**
 * The staff member's language: Shopify admin passes `locale` on app load (`de`, `pt-BR`, `zh-CN`);
 * outside the admin we fall back to the browser's Accept-Language, then English.
 */
export function resolveLocale(request: Request): Locale {
  const fromAdmin = matchLocale(new URL(request.url).searchParams.get("locale"));
  if (fromAdmin) return fromAdmin;
  for (const tag of acceptedLanguages(request.headers.get("accept-language"))) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** Accept-Language tags, most preferred first (RFC 9110 quality values; q=0 means "not this"). */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}
