import type { AdminContext } from "../admin-graphql/context";
import type { ShopRecord } from "../state";
import { currentDigest, translationNode } from "./content";
import { normalizeHandleTranslation } from "./handle";
import { findMarket } from "./markets";
import { localizationOf, nowSeconds, translationSlot, translationsOf, type TranslationRecord } from "./store";
import { findTranslatableResource, type TranslatableResourceRecord } from "./translatable-sources";

// translationsRegister / translationsRemove with Shopify's rules as captured (quirks.md §2):
// - unknown resource or more than 100 inputs: the whole call fails, `translations: null`;
// - otherwise every input is judged alone: valid ones are written and echoed, each invalid one adds
//   exactly one userError at ["translations", i, <field>] (payload-shapes.json `registerMixed`);
// - per input the first failing check wins, in the captured order: market exists, locale, key,
//   market-customizable, value, digest (validation-order.json, value-matches-original.json).

export const MAX_TRANSLATIONS_PER_CALL = 100;

interface TranslationInput { locale: string; key: string; value: string; translatableContentDigest: string; marketId?: string | null }
interface UserError { __typename: "TranslationUserError"; field: string[]; message: string; code: string }

const userError = (field: string[], message: string, code: string): UserError => ({ __typename: "TranslationUserError", field, message, code });
const notFound = (resourceId: string) => ({
  translations: null,
  userErrors: [userError(["resourceId"], `Resource ${resourceId} does not exist`, "RESOURCE_NOT_FOUND")],
});

export function translationsRegister(args: { resourceId: string; translations: TranslationInput[] }, { state, shop }: AdminContext) {
  const resource = findTranslatableResource(state, shop.domain, args.resourceId);
  if (!resource) return notFound(args.resourceId);
  if (args.translations.length > MAX_TRANSLATIONS_PER_CALL) {
    return {
      translations: null,
      userErrors: [userError(["resourceId"], `Too many keys for resource - maximum ${MAX_TRANSLATIONS_PER_CALL} per mutation`, "TOO_MANY_KEYS_FOR_RESOURCE")],
    };
  }
  const stored = translationsOf(localizationOf(state, shop), resource.gid);
  const written: TranslationRecord[] = [];
  const userErrors: UserError[] = [];
  args.translations.forEach((input, i) => {
    const verdict = judge(shop, resource, stored, input, String(i));
    if ("error" in verdict) return void userErrors.push(verdict.error);
    const record: TranslationRecord = {
      key: input.key,
      locale: input.locale,
      marketId: verdict.marketId,
      value: verdict.value,
      sourceDigest: input.translatableContentDigest,
      updatedAt: nowSeconds(), // re-registering refreshes it (translation-updated-at.json)
    };
    stored.set(translationSlot(record.key, record.locale, record.marketId), record);
    written.push(record);
  });
  return { translations: written.map((t) => translationNode(state, shop, resource, t)), userErrors };
}

function judge(
  shop: ShopRecord,
  resource: TranslatableResourceRecord,
  stored: Map<string, TranslationRecord>,
  input: TranslationInput,
  i: string,
): { error: UserError } | { value: string; marketId: number | null } {
  const at = (field: string) => ["translations", i, field];
  let marketId: number | null = null;
  if (input.marketId != null) {
    const market = findMarket(shop, input.marketId);
    if (!market) return { error: userError(at("marketId"), "The market corresponding to the `marketId` argument doesn't exist", "MARKET_DOES_NOT_EXIST") };
    marketId = market.id;
  }
  const locale = shop.locales.find((l) => l.locale === input.locale);
  if (locale?.primary) return { error: userError(at("locale"), "Locale cannot be the same as the shop's primary locale", "INVALID_LOCALE_FOR_SHOP") };
  if (!locale) return { error: userError(at("locale"), "Locale is not a valid locale for the shop", "INVALID_LOCALE_FOR_SHOP") };
  const field = resource.fields.find((f) => f.key === input.key);
  if (!field) return { error: userError(at("key"), `Key ${input.key} is not a valid translatable field`, "INVALID_KEY_FOR_MODEL") };
  if (marketId !== null && field.marketCustomizable === false) {
    return { error: userError(at("key"), `Key ${input.key} cannot be customized for a market; it can only be translated.`, "RESOURCE_NOT_MARKET_CUSTOMIZABLE") };
  }
  if (input.value.trim() === "") return { error: userError(at("value"), "Value can't be blank", "FAILS_RESOURCE_VALIDATION") };
  // A market override equal to the locale's shop-level translation is refused; equal to the source
  // is fine while no shop-level translation exists (value-matches-original.json).
  if (marketId !== null && stored.get(translationSlot(input.key, input.locale, null))?.value === input.value) {
    return { error: userError(at("value"), "Value cannot match original content", "FAILS_RESOURCE_VALIDATION") };
  }
  let value = input.value;
  if (field.type === "URI" && input.key === "handle") {
    const handle = normalizeHandleTranslation(input.value);
    if ("error" in handle) return { error: userError(at("value"), `Value fails validation on resource: ${JSON.stringify([handle.error])}`, "FAILS_RESOURCE_VALIDATION") };
    value = handle.value;
  }
  if (input.translatableContentDigest !== currentDigest(resource, input.key)) {
    return { error: userError(at("translatableContentDigest"), "Translatable content hash is invalid", "INVALID_TRANSLATABLE_CONTENT") };
  }
  return { value, marketId };
}

// Removes every stored translation matching keys x locales x scope; scope is the listed markets, or
// shop-level only when marketIds is omitted. Matching nothing (unknown key/market, disabled locale,
// empty lists) is `translations: null` with no error (mutation-noop-validation.json).
export function translationsRemove(
  args: { resourceId: string; translationKeys: string[]; locales: string[]; marketIds?: string[] | null },
  { state, shop }: AdminContext,
) {
  const resource = findTranslatableResource(state, shop.domain, args.resourceId);
  if (!resource) return notFound(args.resourceId);
  const scopes: (number | null)[] = args.marketIds ? args.marketIds.map((g) => findMarket(shop, g)?.id ?? -1) : [null];
  const stored = translationsOf(localizationOf(state, shop), resource.gid);
  const removed: TranslationRecord[] = [];
  for (const [slot, t] of stored) {
    if (args.translationKeys.includes(t.key) && args.locales.includes(t.locale) && scopes.includes(t.marketId)) {
      removed.push(t);
      stored.delete(slot);
    }
  }
  return { translations: removed.length ? removed.map((t) => translationNode(state, shop, resource, t)) : null, userErrors: [] };
}
