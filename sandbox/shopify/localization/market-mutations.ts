import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import type { MarketRecord } from "../state";
import { findMarket, gidNumber, marketNode } from "./markets";
import { localizationOf } from "./store";

// marketCreate / marketUpdate / marketDelete, for the part the captures show: a market made from a
// name (+ enabled/status/handle/webPresences, country regions) and web presences attached with webPresencesToAdd.
// Captures: markets/markets-connection-arguments.json (enabled: true -> ACTIVE, type NONE),
// market-web-presence-lifecycle-parity.json (name only -> DRAFT, handle from the name),
// catalogs-connection-read.json, market-create-region-node-shape.json. Other conditions, catalogs, currency settings, price inclusions,
// discounts and delivery are not modelled and fail loudly, as does every validation error
// (none is captured).

const UNMODELLED_CREATE = ["regions", "catalogs", "currencySettings", "priceInclusions", "discounts", "delivery", "makeDuplicateRegionMarketsDraft", "makeDuplicateUniqueMarketsDraft"];
const UNMODELLED_UPDATE = ["conditions", "catalogsToAdd", "catalogsToDelete", "discountsToAdd", "discountsToDelete", "makeDuplicateRegionMarketsDraft", "makeDuplicateUniqueMarketsDraft", "currencySettings", "removeCurrencySettings", "removePriceInclusions", "priceInclusions", "delivery"];

/** "Web Presence Duplicate Source mrfknr5i" -> "web-presence-duplicate-source-mrfknr5i" (captured). */
export function marketHandle(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

function unmodelled(input: Record<string, unknown>, keys: string[], info: GraphQLResolveInfo) {
  const used = keys.filter((k) => input[k] != null);
  if (used.length) throw notImplemented(info, `${info.fieldName}(input: { ${used.join(", ")} })`);
}

function statusOf(input: { enabled?: boolean | null; status?: string | null }): MarketRecord["status"] | undefined {
  if (input.status != null) {
    if (input.status !== "ACTIVE" && input.status !== "DRAFT") return undefined;
    return input.status;
  }
  if (input.enabled != null) return input.enabled ? "ACTIVE" : "DRAFT";
  return "DRAFT";
}

function presenceIds(ctx: AdminContext, gids: string[], info: GraphQLResolveInfo): number[] {
  const loc = localizationOf(ctx.state, ctx.shop);
  return gids.map((g) => {
    const id = gidNumber(g, "MarketWebPresence");
    if (id === undefined || !loc.webPresences.some((w) => w.id === id)) {
      throw notImplemented(info, `${info.fieldName} with an unknown web presence (error not captured)`);
    }
    return id;
  });
}

interface CreateInput extends Record<string, unknown> { name: string; conditions?: unknown; handle?: string | null; enabled?: boolean | null; status?: string | null; webPresences?: string[] | null }

// Only `conditions.regionsCondition.regions: [{ countryCode }]` is modelled (market-create-region-node-shape.json).
function regionCountryCodes(conditions: unknown, info: GraphQLResolveInfo): string[] {
  if (conditions == null) return [];
  const c = conditions as { regionsCondition?: { regions?: { countryCode: string }[] | null; regionIds?: unknown; applicationLevel?: unknown } | null } & Record<string, unknown>;
  const other = Object.keys(c).filter((k) => k !== "regionsCondition" && c[k] != null);
  const rc = c.regionsCondition;
  if (other.length || !rc || rc.regionIds != null || rc.applicationLevel != null || !rc.regions?.length) {
    throw notImplemented(info, "marketCreate(input.conditions) other than regionsCondition.regions");
  }
  const codes = rc.regions.map((r) => r.countryCode);
  if (new Set(codes).size !== codes.length) throw notImplemented(info, "marketCreate with a repeated region (error not captured)");
  return codes;
}

export function marketCreate(args: { input: CreateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const { input } = args;
  unmodelled(input, UNMODELLED_CREATE, info);
  const countryCodes = regionCountryCodes(input.conditions, info);
  // A region market without status/enabled is ACTIVE only if all its regions have shipping rates
  // (schema doc); the twin has no shipping rates, so its status stays unknown and reading it fails loudly.
  const statusUnknown = countryCodes.length > 0 && input.status == null && input.enabled == null;
  const status = statusOf(input);
  if (!status) throw notImplemented(info, `marketCreate(status: ${String(input.status)})`);
  const handle = input.handle ?? marketHandle(input.name);
  if (!input.name.trim() || !handle) throw notImplemented(info, "marketCreate with a blank name or handle (error not captured)");
  if (ctx.shop.markets.some((m) => m.handle === handle)) throw notImplemented(info, "marketCreate with a handle already in use (behaviour not captured)");
  const presences = input.webPresences ? presenceIds(ctx, input.webPresences, info) : [];
  if (countryCodes.length && ctx.shop.markets.some((m) => m.countryCodes.some((c) => countryCodes.includes(c)))) {
    throw notImplemented(info, "marketCreate with a region another market already has (behaviour not captured)");
  }
  const record: MarketRecord = { id: ctx.state.nextId(), name: input.name, handle, status, type: countryCodes.length ? "REGION" : "NONE", countryCodes };
  ctx.shop.markets.push(record);
  const loc = localizationOf(ctx.state, ctx.shop);
  if (statusUnknown) loc.marketsWithUnknownStatus.add(record.id);
  for (const w of loc.webPresences) if (presences.includes(w.id)) w.marketIds.push(record.id);
  return { market: marketNode(ctx.state, ctx.shop, record), userErrors: [] };
}

interface UpdateInput extends Record<string, unknown> {
  name?: string | null; handle?: string | null; enabled?: boolean | null; status?: string | null;
  webPresencesToAdd?: string[] | null; webPresencesToDelete?: string[] | null;
}

export function marketUpdate(args: { id: string; input: UpdateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const { input } = args;
  unmodelled(input, UNMODELLED_UPDATE, info);
  const record = findMarket(ctx.shop, args.id);
  if (!record) throw notImplemented(info, "marketUpdate of an unknown market (error not captured)");
  if (record.webPresence || record.primary) throw notImplemented(info, "marketUpdate of a seeded market");
  const add = input.webPresencesToAdd ? presenceIds(ctx, input.webPresencesToAdd, info) : [];
  const remove = input.webPresencesToDelete ? presenceIds(ctx, input.webPresencesToDelete, info) : [];
  if (input.name != null) {
    if (!input.name.trim()) throw notImplemented(info, "marketUpdate with a blank name (error not captured)");
    record.name = input.name;
  }
  if (input.handle != null) {
    if (!input.handle || ctx.shop.markets.some((m) => m !== record && m.handle === input.handle)) {
      throw notImplemented(info, "marketUpdate with a blank or taken handle (error not captured)");
    }
    record.handle = input.handle;
  }
  if (input.status != null || input.enabled != null) {
    const status = statusOf(input);
    if (!status) throw notImplemented(info, `marketUpdate(status: ${String(input.status)})`);
    record.status = status;
    localizationOf(ctx.state, ctx.shop).marketsWithUnknownStatus.delete(record.id);
  }
  const loc = localizationOf(ctx.state, ctx.shop);
  for (const w of loc.webPresences) {
    if (add.includes(w.id) && !w.marketIds.includes(record.id)) w.marketIds.push(record.id);
    if (remove.includes(w.id)) w.marketIds = w.marketIds.filter((m) => m !== record.id);
  }
  return { market: marketNode(ctx.state, ctx.shop, record), userErrors: [] };
}

export function marketDelete(args: { id: string }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const record = findMarket(ctx.shop, args.id);
  if (!record) throw notImplemented(info, "marketDelete of an unknown market (error not captured)");
  if (record.primary) throw notImplemented(info, "marketDelete of the primary market (error not captured)");
  const loc = localizationOf(ctx.state, ctx.shop); // seeds presences before the market goes
  ctx.shop.markets.splice(ctx.shop.markets.indexOf(record), 1);
  // The market's web presences stay (captures delete them separately) but no longer name it.
  for (const w of loc.webPresences) w.marketIds = w.marketIds.filter((m) => m !== record.id);
  return { deletedId: gid("Market", record.id), userErrors: [] };
}
