import type { ShopLocaleRecord } from "../shopify/state";
import type { Exchange } from "./normalize";
import { operationOf, scenarioScopes } from "./scopes";
import type { TwinSetup } from "./twin";

// Shop state a scenario assumes but did not create, rebuilt from the capture's own responses
// where that is unambiguous:
// - scopes: the recorded currentAppInstallation.accessScopes when the scenario read them,
//   otherwise what its root fields need (scopes.ts);
// - languages: the first shopLocales read before the scenario changes locales, plus any locale
//   whose shopLocaleEnable was refused with "Locale has already been taken".
// Everything else the recorded shop held (products, markets, …) is not invented: those
// exchanges fail as "depends on the recorded shop's pre-existing data".

type Data = Record<string, unknown> | null | undefined;

export function scenarioSetup(exchanges: Exchange[]): TwinSetup {
  return { scopes: recordedScopes(exchanges) ?? scenarioScopes(exchanges), locales: initialLocales(exchanges) };
}

function recordedScopes(exchanges: Exchange[]): string[] | undefined {
  for (const ex of exchanges) {
    const scopes = ((ex.response.data as Data)?.currentAppInstallation as { accessScopes?: { handle?: unknown }[] } | undefined)?.accessScopes;
    const handles = scopes?.map((s) => s.handle).filter((h): h is string => typeof h === "string");
    if (handles?.length) return handles;
  }
  return undefined;
}

function initialLocales(exchanges: Exchange[]): ShopLocaleRecord[] {
  const out = new Map<string, ShopLocaleRecord>();
  let changed = false;
  for (const ex of exchanges) {
    const data = ex.response.data as Data;
    const read = data?.shopLocales;
    if (!changed && Array.isArray(read) && out.size === 0) {
      for (const l of read as Partial<ShopLocaleRecord>[]) {
        if (typeof l.locale === "string") out.set(l.locale, { locale: l.locale, name: l.name ?? displayName(l.locale), primary: !!l.primary, published: !!l.published });
      }
    }
    const root = operationOf(ex)?.selectionSet.selections.find((s) => s.kind === "Field")?.name.value ?? "";
    if (/^shopLocale(Enable|Disable|Update)$/.test(root)) {
      const locale = ex.variables.locale;
      const errors = JSON.stringify(data ?? {});
      if (typeof locale === "string" && errors.includes("Locale has already been taken") && !out.has(locale)) {
        out.set(locale, { locale, name: displayName(locale), primary: false, published: false });
      }
      changed = true;
    }
  }
  return [...out.values()];
}

const displayName = (locale: string) => new Intl.DisplayNames(["en"], { type: "language" }).of(locale) ?? locale;
