import type { AppProviderProps } from "@shopify/polaris";
import polarisDe from "@shopify/polaris/locales/de.json";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisEs from "@shopify/polaris/locales/es.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import polarisIt from "@shopify/polaris/locales/it.json";
import polarisJa from "@shopify/polaris/locales/ja.json";
import polarisPtBR from "@shopify/polaris/locales/pt-BR.json";
import polarisZhCN from "@shopify/polaris/locales/zh-CN.json";
import de from "~/locales/de.json";
import en from "~/locales/en.json";
import es from "~/locales/es.json";
import fr from "~/locales/fr.json";
import it from "~/locales/it.json";
import ja from "~/locales/ja.json";
import ptBR from "~/locales/pt-BR.json";
import zhCN from "~/locales/zh-CN.json";
import type { MessageTree, TranslationBundle } from "./i18next";
import { DEFAULT_LOCALE, type Locale } from "./locales";

// All locales stay on the server; a response carries one locale (+ English), never the whole set.
const APP_MESSAGES: Record<Locale, MessageTree> = {
  en, de, fr, es, it, ja, "zh-CN": zhCN, "pt-BR": ptBR,
};

type PolarisTranslations = Exclude<AppProviderProps["i18n"], unknown[]>;

const POLARIS_MESSAGES: Record<Locale, PolarisTranslations> = {
  en: polarisEn, de: polarisDe, fr: polarisFr, es: polarisEs, it: polarisIt, ja: polarisJa,
  "zh-CN": polarisZhCN, "pt-BR": polarisPtBR,
};

export function translationBundle(locale: Locale): TranslationBundle {
  const messages: TranslationBundle["messages"] = { [DEFAULT_LOCALE]: APP_MESSAGES[DEFAULT_LOCALE] };
  if (locale !== DEFAULT_LOCALE) messages[locale] = APP_MESSAGES[locale];
  return { locale, messages };
}

/** Polaris' own component strings for the locale, English first-fallback for any it lacks. */
export function polarisTranslations(locale: Locale): PolarisTranslations[] {
  return locale === DEFAULT_LOCALE
    ? [POLARIS_MESSAGES.en]
    : [POLARIS_MESSAGES[locale], POLARIS_MESSAGES.en];
}
