import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import type { ShopRecord } from "../state";
import { AVAILABLE_LOCALES } from "./available-locales";
import { gidNumber, resolveShopLocale, webPresenceNode } from "./markets";
import { localizationOf, type WebPresenceRecord } from "./store";

// webPresenceCreate / webPresenceUpdate / webPresenceDelete. Messages, codes, fields and the order
// of errors are the captured ones: markets/market-web-presence-lifecycle-parity.json,
// market-web-presence-validation.json, markets-user-error-typename.json.

type MarketUserError = { __typename: "MarketUserError"; field: string[]; message: string; code: string };
const err = (field: string[], message: string, code: string): MarketUserError => ({ __typename: "MarketUserError", field, message, code });

const NOT_FOUND = () => err(["id"], "The market web presence wasn't found.", "WEB_PRESENCE_NOT_FOUND");

const AVAILABLE = new Set(AVAILABLE_LOCALES.map(([code]) => code.toLowerCase()));

// A locale code Shopify accepts here: an available locale (any case, "en-us" passes) or
// <available language>-<2-letter region> ("fr-CA" passes although only "fr" is a shop locale).
function validLocale(code: string): boolean {
  const lower = code.toLowerCase();
  if (AVAILABLE.has(lower)) return true;
  const m = /^([a-z]{2,3})-[a-z]{2}$/.exec(lower);
  return !!m && AVAILABLE.has(m[1]!);
}

/** Ruby's Array#to_sentence: "a", "a and b", "a, b, and c" (captured: "zz and yy", "en, en, and fr"). */
export function toSentence(items: string[]): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}, and ${items[items.length - 1]}`;
}

function localeErrors(field: "defaultLocale" | "alternateLocales", codes: string[]): MarketUserError[] {
  const invalid = codes.filter((c) => !validLocale(c));
  return invalid.length ? [err(["input", field], `Invalid locale codes: ${toSentence(invalid)}`, "INVALID")] : [];
}

// Captured: "us2", "en1", "us-east" -> only letters; "x" -> at least 2 letters; a suffix in use -> TAKEN.
function suffixErrors(shop: ShopRecord, presences: WebPresenceRecord[], suffix: string, self?: WebPresenceRecord): MarketUserError[] {
  const field = ["input", "subfolderSuffix"];
  if (!/^[A-Za-z]*$/.test(suffix)) return [err(field, "Subfolder suffix must contain only letters", "SUBFOLDER_SUFFIX_MUST_CONTAIN_ONLY_LETTERS")];
  if (suffix.length < 2) return [err(field, "Subfolder suffix must be at least 2 letters", "SUBFOLDER_SUFFIX_MUST_BE_AT_LEAST_2_LETTERS")];
  // Only presences that belong to a market hold their suffix: captured, two market-less presences
  // both use "us" (cases 27 and 32), while a suffix of a presence added to a market is TAKEN (18, 23).
  const taken = presences.some((w) => w !== self && w.marketIds.length > 0 && w.subfolderSuffix?.toLowerCase() === suffix.toLowerCase());
  return taken ? [err(field, "Subfolder suffix has already been taken", "TAKEN")] : [];
}

// Duplicate languages. Captured: default en + [en, fr] -> both errors, the alternates one listing
// "en, en, and fr"; default en + [en, en] -> "en and en" (the default followed by the distinct
// alternates). On update each check runs only for the field the input sets (captured: defaultLocale
// alone -> only the default error; alternateLocales alone -> only the alternates error).
function duplicateErrors(defaultLocale: string, alternates: string[], check: { default: boolean; alternates: boolean }): MarketUserError[] {
  const out: MarketUserError[] = [];
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (check.default && alternates.some((a) => same(a, defaultLocale))) {
    out.push(err(["input", "defaultLocale"], `Default locale The alternate languages already include ${defaultLocale}.`, "DUPLICATE_LANGUAGES"));
  }
  if (check.alternates) {
    const distinct = alternates.filter((a, i) => alternates.findIndex((b) => same(a, b)) === i);
    const combined = [defaultLocale, ...distinct];
    if (combined.some((a, i) => combined.findIndex((b) => same(a, b)) !== i)) {
      out.push(err(["input", "alternateLocales"], `Alternate locales Duplicates were found in the following languages: ${toSentence(combined)}`, "DUPLICATE_LANGUAGES"));
    }
  }
  return out;
}

// Every locale of a presence must be an enabled, published shop locale. Shopify answers
// DISABLED_LANGUAGE ("The language isn't enabled on the store.", schema) or UNPUBLISHED_LANGUAGE
// (quirks.md notes); neither message is captured, so the twin fails loudly instead of inventing one.
function requirePublished(shop: ShopRecord, codes: string[], info: GraphQLResolveInfo) {
  for (const code of codes) {
    const resolved = resolveShopLocale(shop, code);
    const locale = shop.locales.find((l) => l.locale === resolved);
    if (!locale?.published) {
      const code_ = locale ? "UNPUBLISHED_LANGUAGE" : "DISABLED_LANGUAGE";
      throw notImplemented(info, `${info.fieldName} with locale "${code}", which is not ${locale ? "a published" : "an enabled"} shop locale (${code_}: message not captured)`);
    }
  }
}

interface CreateInput { domainId?: string | null; defaultLocale: string; alternateLocales?: string[] | null; subfolderSuffix?: string | null }

export function webPresenceCreate(args: { input: CreateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const { state, shop } = ctx;
  const loc = localizationOf(state, shop);
  const input = args.input;
  const alternates = input.alternateLocales ?? [];
  const errors: MarketUserError[] = [];
  // Captured (validation.json): an unknown domain and an invalid default locale are both reported;
  // the duplicate alternates and the "../ca" suffix of that input are not.
  if (input.domainId != null) {
    const domainId = gidNumber(input.domainId, "Domain");
    if (domainId !== shop.primaryDomain.id) errors.push(err(["input", "domainId"], "Domain does not exist", "DOMAIN_NOT_FOUND"));
    else throw notImplemented(info, "webPresenceCreate(domainId:) for an existing domain");
  }
  errors.push(...localeErrors("defaultLocale", [input.defaultLocale]), ...localeErrors("alternateLocales", alternates));
  if (!errors.length) errors.push(...duplicateErrors(input.defaultLocale, alternates, { default: true, alternates: true }));
  if (!errors.length) {
    if (input.subfolderSuffix == null) throw notImplemented(info, "webPresenceCreate without subfolderSuffix or domainId");
    errors.push(...suffixErrors(shop, loc.webPresences, input.subfolderSuffix));
  }
  if (errors.length) return { webPresence: null, userErrors: errors };
  requirePublished(shop, [input.defaultLocale, ...alternates], info);
  const record: WebPresenceRecord = {
    id: state.nextId(),
    subfolderSuffix: input.subfolderSuffix!,
    domain: null,
    defaultLocale: input.defaultLocale,
    alternateLocales: [...alternates],
    marketIds: [],
  };
  loc.webPresences.push(record);
  return { webPresence: webPresenceNode(state, shop, record), userErrors: [] };
}

interface UpdateInput { defaultLocale?: string | null; alternateLocales?: string[] | null; subfolderSuffix?: string | null }

export function webPresenceUpdate(args: { id: string; input: UpdateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const { state, shop } = ctx;
  const loc = localizationOf(state, shop);
  const id = gidNumber(args.id, "MarketWebPresence");
  const record = loc.webPresences.find((w) => w.id === id);
  if (!record) return { webPresence: null, userErrors: [NOT_FOUND()] };
  const input = args.input;
  const defaultLocale = input.defaultLocale ?? record.defaultLocale;
  const alternates = input.alternateLocales ?? record.alternateLocales;
  const errors: MarketUserError[] = [];
  if (input.defaultLocale != null) errors.push(...localeErrors("defaultLocale", [input.defaultLocale]));
  if (input.alternateLocales != null) errors.push(...localeErrors("alternateLocales", input.alternateLocales));
  if (!errors.length) errors.push(...duplicateErrors(defaultLocale, alternates, { default: input.defaultLocale != null, alternates: input.alternateLocales != null }));
  if (!errors.length && input.subfolderSuffix != null) {
    if (record.domain) throw notImplemented(info, "webPresenceUpdate(subfolderSuffix:) on a domain web presence");
    errors.push(...suffixErrors(shop, loc.webPresences, input.subfolderSuffix, record));
  }
  if (errors.length) return { webPresence: null, userErrors: errors };
  requirePublished(shop, [defaultLocale, ...alternates], info);
  if (record.domain && input.defaultLocale != null && input.defaultLocale !== record.defaultLocale) {
    throw notImplemented(info, "webPresenceUpdate(defaultLocale:) on the primary domain's web presence");
  }
  record.defaultLocale = defaultLocale;
  record.alternateLocales = [...alternates];
  if (input.subfolderSuffix != null) record.subfolderSuffix = input.subfolderSuffix;
  return { webPresence: webPresenceNode(state, shop, record), userErrors: [] };
}

export function webPresenceDelete(args: { id: string }, ctx: AdminContext) {
  const { state, shop } = ctx;
  const loc = localizationOf(state, shop);
  const id = gidNumber(args.id, "MarketWebPresence");
  const index = loc.webPresences.findIndex((w) => w.id === id);
  // Captured (lifecycle-parity cases[3] then cleanup.webPresenceDelete): deleting a presence that
  // was already deleted answers its id again, without error; an id that never existed is not found.
  if (index < 0 && id !== undefined && loc.deletedWebPresenceIds.has(id)) return { deletedId: gid("MarketWebPresence", id), userErrors: [] };
  if (index < 0) return { deletedId: null, userErrors: [NOT_FOUND()] };
  const record = loc.webPresences[index]!;
  // Captured: deleting the presence on the primary domain is refused.
  if (record.domain?.id === shop.primaryDomain.id) {
    return {
      deletedId: null,
      userErrors: [err(["id"], "The shop must have a web presence that uses the primary domain.", "SHOP_MUST_HAVE_PRIMARY_DOMAIN_WEB_PRESENCE")],
    };
  }
  loc.webPresences.splice(index, 1);
  loc.deletedWebPresenceIds.add(record.id);
  return { deletedId: gid("MarketWebPresence", record.id), userErrors: [] };
}
