import { Kind } from "graphql";
import type { Exchange } from "./normalize";
import { operationOf } from "./scopes";
import { isObject } from "./steps";

/**
 * A shopLocale* mutation stored without its variables (localization-translations-unknown-resource
 * `setup.localeSetup`: only the answer was kept): an unrecorded `locale` argument is the locale of
 * the ShopLocale its answer returned (`shopLocaleEnable(locale: $locale) { shopLocale { locale } }`),
 * since a shop locale is named by its locale. Only when the answer holds that one ShopLocale.
 */
export function echoedLocale(ex: Exchange, given: Record<string, unknown>): Record<string, unknown> {
  const out = { ...given };
  const op = operationOf(ex);
  if (op?.operation !== "mutation") return out;
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD || !/^shopLocale[A-Z]/.test(sel.name.value)) continue;
    const arg = sel.arguments?.find((a) => a.name.value === "locale");
    if (arg?.value.kind !== Kind.VARIABLE || arg.value.name.value in out) continue;
    const payload = (ex.response.data as Record<string, unknown> | null | undefined)?.[sel.alias?.value ?? sel.name.value];
    const shopLocale = isObject(payload) ? payload.shopLocale : undefined;
    if (isObject(shopLocale) && typeof shopLocale.locale === "string") out[arg.value.name.value] = shopLocale.locale;
  }
  return out;
}
