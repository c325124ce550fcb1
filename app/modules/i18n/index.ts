// Client-safe surface of the i18n module.
export { createI18n, type MessageTree, type TranslationBundle } from "./i18next";
export { currencyName, formatDateTime, formatNumber, formatPercent, languageName } from "./format";
export { LocalTime } from "./local-time";
export { DEFAULT_LOCALE, SUPPORTED_LOCALES, isSupportedLocale, matchLocale, type Locale } from "./locales";
export { resolveLocale } from "./resolve-locale";
