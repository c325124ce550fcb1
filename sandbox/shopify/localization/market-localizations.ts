import { createHash } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import type { AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { unknownSeededState } from "../admin-graphql/resolvers/unknown-seeded-state";
import { metafieldOwners, type MetafieldRecord } from "../content/metafields-store";
import type { ShopRecord, ShopifyState } from "../state";
import { findMarket, marketNode } from "./markets";
import { MAX_TRANSLATIONS_PER_CALL } from "./translations-mutations";
import { metaobjectStore } from "../content/metaobjects-store";
import { localizationOf, nowSeconds, type MarketLocalizationRecord } from "./store";

// marketLocalizableResource(s)(ByIds), marketLocalizationsRegister / marketLocalizationsRemove.
// Market-localizable resources are metafields and metaobjects (MarketLocalizableResourceType).
// Captured (markets/market-localizable-resource-connections.json, market-localization-metafield-
// lifecycle-parity.json, market-localization-money-metafield-remove-parity.json, -validation.json,
// market-localizations-register-too-many-keys.json, market-localizable-empty-read.json):
// - a money metafield has one content entry {key: "value", value, digest = sha256(value)};
//   a single_line_text_field metafield has none (other metafield types: not captured, fail loudly);
// - unknown resource -> null / left out of lists; register/remove -> RESOURCE_NOT_FOUND;
// - register: > 100 inputs -> TOO_MANY_KEYS_FOR_RESOURCE; a key the resource has no content for ->
//   INVALID_KEY_FOR_MODEL; a failing call answers `marketLocalizations: null`;
// - remove: matching nothing (unknown market, no keys) -> null, no error.
// Metaobjects (the content domain's entries): an unknown one reads as absent, an existing one fails
// loudly (no capture shows a metaobject's market-localizable content).

interface Content { key: string; value: string; digest: string }
interface Localizable { gid: string; content: Content[] }

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

function recordsOf(state: ShopifyState, shop: ShopRecord, gid: string) {
  const all = localizationOf(state, shop).marketLocalizations;
  let map = all.get(gid);
  if (!map) all.set(gid, (map = new Map()));
  return map;
}

function metafieldContent(m: MetafieldRecord, info: GraphQLResolveInfo): Content[] {
  if (m.type === "money") return [{ key: "value", value: m.value, digest: sha256(m.value) }];
  if (m.type === "single_line_text_field") return [];
  throw notImplemented(info, `market-localizable content of a ${m.type} metafield (not captured)`);
}

function allMetafields(state: ShopifyState, shop: ShopRecord): MetafieldRecord[] {
  return [...metafieldOwners(state, shop.domain).values()].flatMap((byKey) => [...byKey.values()]);
}

function findLocalizable(state: ShopifyState, shop: ShopRecord, resourceGid: string, info: GraphQLResolveInfo): Localizable | undefined {
  if (/^gid:\/\/shopify\/Metafield\/\d+$/.test(resourceGid)) {
    const m = allMetafields(state, shop).find((x) => x.gid === resourceGid);
    return m && { gid: m.gid, content: metafieldContent(m, info) };
  }
  if (/^gid:\/\/shopify\/Metaobject\/\d+$/.test(resourceGid) && shopMetaobjects(state, shop).some((o) => `gid://shopify/Metaobject/${o.id}` === resourceGid)) {
    throw notImplemented(info, `${info.fieldName} for a metaobject (not captured)`);
  }
  return undefined;
}

const shopMetaobjects = (state: ShopifyState, shop: ShopRecord) => [...metaobjectStore(state).objects.values()].filter((o) => o.shop === shop.domain);

const gidNumber = (gid: string) => BigInt(/\d+$/.exec(gid)?.[0] ?? "0");
const byId = (a: Localizable, b: Localizable) => (gidNumber(a.gid) < gidNumber(b.gid) ? -1 : gidNumber(a.gid) > gidNumber(b.gid) ? 1 : 0);

function localizationNode(state: ShopifyState, shop: ShopRecord, resource: Localizable, r: MarketLocalizationRecord) {
  const market = shop.markets.find((m) => m.id === r.marketId);
  return {
    __typename: "MarketLocalization",
    key: r.key,
    value: r.value,
    updatedAt: r.updatedAt,
    outdated: resource.content.find((c) => c.key === r.key)?.digest !== r.sourceDigest,
    market: market ? marketNode(state, shop, market) : null,
  };
}

function resourceNode(state: ShopifyState, shop: ShopRecord, resource: Localizable) {
  return {
    __typename: "MarketLocalizableResource",
    resourceId: resource.gid,
    marketLocalizableContent: resource.content.map((c) => ({ __typename: "MarketLocalizableContent", ...c })),
    marketLocalizations: (args: { marketId: string }) => {
      const marketId = findMarket(shop, args.marketId)?.id;
      return [...recordsOf(state, shop, resource.gid).values()]
        .filter((r) => r.marketId === marketId)
        .map((r) => localizationNode(state, shop, resource, r));
    },
  };
}

export function marketLocalizableResource(args: { resourceId: string }, { state, shop }: AdminContext, info: GraphQLResolveInfo) {
  const resource = findLocalizable(state, shop, args.resourceId, info);
  return resource ? resourceNode(state, shop, resource) : null;
}

// Listed: the resources that have market-localizable content (the capture lists the money metafield only).
export function marketLocalizableResources(args: ConnectionArgs & { resourceType: string }, { state, shop }: AdminContext, info: GraphQLResolveInfo) {
  let list: Localizable[] = [];
  if (args.resourceType === "METAFIELD") {
    list = allMetafields(state, shop).map((m) => ({ gid: m.gid, content: metafieldContent(m, info) })).filter((r) => r.content.length);
  } else if (shopMetaobjects(state, shop).length) {
    throw notImplemented(info, `marketLocalizableResources(resourceType: ${args.resourceType})`);
  }
  return connection(list.sort(byId).map((r) => resourceNode(state, shop, r)), args, (n) => n.resourceId);
}

export function marketLocalizableResourcesByIds(args: ConnectionArgs & { resourceIds: string[] }, { state, shop }: AdminContext, info: GraphQLResolveInfo) {
  const list = [...new Set(args.resourceIds)].flatMap((id) => findLocalizable(state, shop, id, info) ?? []);
  return connection(list.sort(byId).map((r) => resourceNode(state, shop, r)), args, (n) => n.resourceId);
}

const userError = (field: string[], message: string, code: string) => ({ __typename: "TranslationUserError", field, message, code });
const notFound = (resourceId: string) => ({
  marketLocalizations: null,
  userErrors: [userError(["resourceId"], `Resource ${resourceId} does not exist`, "RESOURCE_NOT_FOUND")],
});

interface RegisterInput { marketId: string; key: string; value: string; marketLocalizableContentDigest: string }

// Per input: key -> market -> value -> digest. Only the key error and the money value error are
// captured. The money rule is inferred: a CAD value registered for the CAD "International" and an
// MXN one for the MXN "Mexico" succeeded (market-localization-money-metafield-remove-parity.json;
// their currencies: markets-baseline.json); a CAD value for a "Currency Settings … Manual Rate"
// market failed with "Market Localizable content is invalid" (market-localization-metafield-
// lifecycle-parity.json), so the value's currency must be the market's.
export function marketLocalizationsRegister(args: { resourceId: string; marketLocalizations: RegisterInput[] }, { state, shop }: AdminContext, info: GraphQLResolveInfo) {
  const resource = findLocalizable(state, shop, args.resourceId, info);
  if (!resource) return notFound(args.resourceId);
  if (args.marketLocalizations.length > MAX_TRANSLATIONS_PER_CALL) {
    return {
      marketLocalizations: null,
      userErrors: [userError(["resourceId"], `Too many keys for resource - maximum ${MAX_TRANSLATIONS_PER_CALL} per mutation`, "TOO_MANY_KEYS_FOR_RESOURCE")],
    };
  }
  const errors: ReturnType<typeof userError>[] = [];
  const writes: MarketLocalizationRecord[] = [];
  args.marketLocalizations.forEach((input, i) => {
    const at = (field: string) => ["marketLocalizations", String(i), field];
    const content = resource.content.find((c) => c.key === input.key);
    if (!content) return void errors.push(userError(at("key"), `Key ${input.key} is not a valid market localizable field`, "INVALID_KEY_FOR_MODEL"));
    const market = findMarket(shop, input.marketId);
    if (!market) throw notImplemented(info, "marketLocalizationsRegister with an unknown market (error not captured)");
    let currency: unknown;
    try {
      currency = (JSON.parse(input.value) as { currency_code?: unknown }).currency_code;
    } catch { /* invalid JSON: invalid content */ }
    // A market seeded without its currency: the rule cannot be applied, and a default would be invented.
    if (market.currencyUnknown && !market.currencyCode) throw unknownSeededState(`the currency of Market ${market.id}`, `gid://shopify/Market/${market.id}`);
    if (currency !== (market.currencyCode ?? shop.currencyCode)) {
      return void errors.push(userError(at("value"), "Market Localizable content is invalid", "FAILS_RESOURCE_VALIDATION"));
    }
    if (input.marketLocalizableContentDigest !== content.digest) {
      throw notImplemented(info, "marketLocalizationsRegister with a stale or wrong digest (error not captured)");
    }
    writes.push({ key: input.key, value: input.value, marketId: market.id, sourceDigest: content.digest, updatedAt: nowSeconds() });
  });
  // Every captured failing call is answered with null; whether valid inputs of a mixed call are
  // written is not captured: the twin writes nothing then.
  if (errors.length) return { marketLocalizations: null, userErrors: errors };
  const records = recordsOf(state, shop, resource.gid);
  for (const w of writes) records.set(`${w.key} ${w.marketId}`, w);
  return { marketLocalizations: writes.map((w) => localizationNode(state, shop, resource, w)), userErrors: [] };
}

export function marketLocalizationsRemove(
  args: { resourceId: string; marketLocalizationKeys: string[]; marketIds: string[] },
  { state, shop }: AdminContext,
  info: GraphQLResolveInfo,
) {
  const resource = findLocalizable(state, shop, args.resourceId, info);
  if (!resource) return notFound(args.resourceId);
  const marketIds = args.marketIds.map((g) => findMarket(shop, g)?.id);
  const records = recordsOf(state, shop, resource.gid);
  const removed: MarketLocalizationRecord[] = [];
  for (const [slot, r] of records) {
    if (args.marketLocalizationKeys.includes(r.key) && marketIds.includes(r.marketId)) {
      removed.push(r);
      records.delete(slot);
    }
  }
  return { marketLocalizations: removed.length ? removed.map((r) => localizationNode(state, shop, resource, r)) : null, userErrors: [] };
}
