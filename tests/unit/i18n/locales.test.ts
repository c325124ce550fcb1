import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createI18n,
  formatDateTime,
  formatNumber,
  formatPercent,
  resolveLocale,
  SUPPORTED_LOCALES,
  type MessageTree,
} from "~/modules/i18n";
import { polarisTranslations, translationBundle } from "~/modules/i18n/index.server";

const ROOT = path.resolve(__dirname, "../../..");
const LOCALES_DIR = path.join(ROOT, "app/locales");

type Flat = Map<string, string>;

function flatten(tree: MessageTree, prefix = "", out: Flat = new Map()): Flat {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else flatten(value, full, out);
  }
  return out;
}

function readLocale(locale: string): Flat {
  return flatten(JSON.parse(readFileSync(path.join(LOCALES_DIR, `${locale}.json`), "utf8")) as MessageTree);
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * The keys a locale must have, given English's. Plural keys follow the locale's own CLDR
 * categories (ja has only `_other`, fr also `_many`), everything else must match one to one.
 */
function requiredKeys(english: Flat, locale: string): Set<string> {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const required = new Set<string>();
  for (const key of english.keys()) {
    if (!PLURAL_SUFFIX.test(key)) required.add(key);
    else for (const category of categories) required.add(key.replace(PLURAL_SUFFIX, `_${category}`));
  }
  return required;
}

function missingKeys(english: Flat, translated: Flat, locale: string): string[] {
  return [...requiredKeys(english, locale)].filter((key) => !translated.has(key)).sort();
}

function extraKeys(english: Flat, translated: Flat, locale: string): string[] {
  const required = requiredKeys(english, locale);
  // i18next also honours `_zero` in every language.
  return [...translated.keys()].filter((key) => !required.has(key) && !/_zero$/.test(key)).sort();
}

function placeholders(value: string): string[] {
  return [...value.matchAll(/{{\s*([\w.]+)(?:\s*,[^}]*)?\s*}}/g)].map((m) => m[1]!).sort();
}

function placeholderMismatches(english: Flat, translated: Flat): string[] {
  const problems: string[] = [];
  for (const [key, value] of translated) {
    const source = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, "_other"));
    if (source === undefined) continue;
    const want = placeholders(source).join(",");
    const got = placeholders(value).join(",");
    if (want !== got) problems.push(`${key}: expected {{${want}}} but found {{${got}}}`);
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every translation key the app passes as a literal to t() or <Trans i18nKey>. */
function keysUsedInApp(): { keys: Map<string, string[]>; dynamic: string[] } {
  const keys = new Map<string, string[]>();
  const dynamic: string[] = [];
  const literal = /\bt\(\s*(["'`])((?:(?!\1).)+)\1|i18nKey=\{?\s*(["'`])((?:(?!\3).)+)\3/g;
  for (const file of sourceFiles(path.join(ROOT, "app"))) {
    const relative = path.relative(ROOT, file);
    for (const match of readFileSync(file, "utf8").matchAll(literal)) {
      const key = match[2] ?? match[4]!;
      if (key.includes("${")) dynamic.push(`${relative}: ${key}`);
      else keys.set(key, [...(keys.get(key) ?? []), relative]);
    }
  }
  return { keys, dynamic };
}

const english = readLocale("en");
const translatedLocales = SUPPORTED_LOCALES.filter((l) => l !== "en");

describe("locale files", () => {
  it("exist for exactly the supported locales", () => {
    const files = readdirSync(LOCALES_DIR).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it("cover every key the app uses, in English", () => {
    const { keys, dynamic } = keysUsedInApp();
    // A scan that finds nothing would pass vacuously.
    expect(keys.size).toBeGreaterThan(50);
    // Keys built at runtime cannot be checked: use a switch over literal keys instead.
    expect(dynamic).toEqual([]);
    const missing = [...keys].filter(([key]) => !english.has(key)).map(([key, files]) => `${key} (${files.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("have no empty English strings", () => {
    expect([...english].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  describe.each(translatedLocales)("%s", (locale) => {
    const translated = readLocale(locale);

    it("has every English key", () => {
      expect(missingKeys(english, translated, locale)).toEqual([]);
    });

    it("has no key English lacks", () => {
      expect(extraKeys(english, translated, locale)).toEqual([]);
    });

    it("keeps the interpolation placeholders of English", () => {
      expect(placeholderMismatches(english, translated)).toEqual([]);
    });

    it("has no empty strings", () => {
      expect([...translated].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
    });

    it("has Polaris component strings", () => {
      expect(existsSync(path.join(ROOT, "node_modules/@shopify/polaris/locales", `${locale}.json`))).toBe(true);
    });
  });

  // The checks above must be able to fail: run them on known-bad input.
  describe("checks themselves", () => {
    const en = flatten({ a: "A {{name}}", b: { c: "C" }, n_one: "one", n_other: "{{count}} other" });

    it("report missing, extra and mismatched keys", () => {
      const bad = flatten({ a: "A {{nom}}", x: "X", n_other: "{{count}}" });
      expect(missingKeys(en, bad, "de")).toEqual(["b.c", "n_one"]);
      expect(extraKeys(en, bad, "de")).toEqual(["x"]);
      expect(placeholderMismatches(en, bad)).toEqual(["a: expected {{name}} but found {{nom}}"]);
    });

    it("apply each locale's plural categories", () => {
      expect(missingKeys(en, flatten({ a: "{{name}}", b: { c: "" }, n_other: "" }), "ja")).toEqual([]);
      expect(missingKeys(en, flatten({ a: "{{name}}", b: { c: "" }, n_one: "", n_other: "" }), "fr")).toEqual(["n_many"]);
    });
  });
});

describe("resolveLocale", () => {
  const request = (query: string, acceptLanguage?: string) =>
    new Request(`https://tessera.example.com/app${query}`, {
      headers: acceptLanguage ? { "accept-language": acceptLanguage } : {},
    });

  it.each([
    ["?locale=pt-BR", "pt-BR"],
    ["?locale=zh-CN", "zh-CN"],
    ["?locale=de-DE", "de"],
    ["?locale=de", "de"],
    ["?locale=ja", "ja"],
    ["?locale=pt-PT", "pt-BR"],
    ["?locale=zh-TW", "en"],
    ["?locale=xx", "en"],
    ["?locale=", "en"],
    ["", "en"],
  ])("maps Shopify's %s to %s", (query, expected) => {
    expect(resolveLocale(request(query))).toBe(expected);
  });

  it("prefers Shopify's locale over Accept-Language", () => {
    expect(resolveLocale(request("?locale=fr", "de-DE,de;q=0.9"))).toBe("fr");
  });

  it("falls back to the best supported Accept-Language entry", () => {
    expect(resolveLocale(request("?locale=xx", "nl-NL,nl;q=0.9,it;q=0.8,en;q=0.5"))).toBe("it");
    expect(resolveLocale(request("", "en;q=0.5, ja"))).toBe("ja");
    expect(resolveLocale(request("", "zh-Hant-TW, es-MX;q=0.7"))).toBe("es");
    expect(resolveLocale(request("", "fr;q=0, de;q=0.1"))).toBe("de");
  });
});

describe("i18next instance", () => {
  const messages = {
    en: { greeting: "Hello {{name}}", onlyEnglish: "English only" },
    de: { greeting: "Hallo {{name}}" },
  };

  it("translates in the locale and interpolates", () => {
    const i18n = createI18n({ locale: "de", messages });
    expect(i18n.t("greeting" as never, { name: "Ana" })).toBe("Hallo Ana");
  });

  it("falls back to English for a key the locale lacks", () => {
    expect(createI18n({ locale: "de", messages }).t("onlyEnglish" as never)).toBe("English only");
  });

  it("never shows a raw key", () => {
    expect(createI18n({ locale: "de", messages }).t("nowhere.at.all" as never)).toBe("");
  });

  it("keeps region subtags for <html lang>", () => {
    expect(createI18n({ locale: "pt-BR", messages: {} }).language).toBe("pt-BR");
    expect(createI18n({ locale: "zh-CN", messages: {} }).language).toBe("zh-CN");
  });
});

describe("what loaders send", () => {
  it("is the staff locale plus English, never every locale", () => {
    expect(Object.keys(translationBundle("ja").messages).sort()).toEqual(["en", "ja"]);
    expect(Object.keys(translationBundle("en").messages)).toEqual(["en"]);
  });

  it("includes Polaris strings for the locale first", () => {
    const [first, fallback] = polarisTranslations("de");
    expect(JSON.stringify(first)).not.toEqual(JSON.stringify(fallback));
    expect(polarisTranslations("en")).toHaveLength(1);
  });
});

describe("formatting in the staff locale", () => {
  const instant = "2026-03-05T14:07:00.000Z";

  it.each(SUPPORTED_LOCALES)("formats a timestamp in %s with its time zone", (locale) => {
    const text = formatDateTime(locale, instant, "UTC");
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/UTC/);
  });

  it("follows the locale's conventions", () => {
    expect(formatDateTime("de", instant, "UTC")).toMatch(/^5\. März 2026/);
    expect(formatNumber("de", 1234.5)).toBe("1.234,5");
    expect(formatPercent("fr", 0.42)).toBe("42\u00a0%"); // one kind of no-break space whatever the ICU
  });
});
