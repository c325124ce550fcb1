import i18next, { type i18n } from "i18next";
import type en from "~/locales/en.json";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from "./locales";

// Keys passed to t() are checked against en.json at compile time.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
    returnNull: false;
  }
}

export type MessageTree = { [key: string]: string | MessageTree };

/** What a loader sends to the browser: the staff locale's messages plus English as fallback. */
export type TranslationBundle = {
  locale: Locale;
  messages: Partial<Record<Locale, MessageTree>>;
};

/**
 * One i18next instance per render tree, initialised synchronously from in-memory messages so the
 * server render and the hydrating client produce identical text.
 */
export function createI18n({ locale, messages }: TranslationBundle): i18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    Object.entries(messages).map(([lng, tree]) => [lng, { translation: tree }]),
  );
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    load: "currentOnly",
    resources,
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
    // Reached only when neither the locale nor English has the key: staff never see a raw key.
    parseMissingKeyHandler: (key: string, defaultValue?: string) =>
      defaultValue ?? englishText(instance, key),
  });
  return instance;
}

function englishText(instance: i18n, key: string): string {
  const value: unknown = instance.getResource(DEFAULT_LOCALE, "translation", key);
  return typeof value === "string" ? value : "";
}
