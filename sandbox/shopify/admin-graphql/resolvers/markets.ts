import { connection, type ConnectionArgs } from "../connection";
import { gid, type AdminContext } from "../context";
import { notImplemented } from "./not-implemented";
import type { MarketRecord } from "../../state";
import type { GraphQLResolveInfo } from "graphql";

interface MarketsArgs extends ConnectionArgs { type?: string | null; sortKey?: string | null; query?: string | null }

// QueryRoot.markets — 2026-07: `status` (ACTIVE/DRAFT) replaces the deprecated `enabled`.
export function markets(args: MarketsArgs, { shop }: AdminContext, info: GraphQLResolveInfo) {
  if (args.query) throw notImplemented(info, "the `query` argument of markets");
  const sortKey = args.sortKey ?? "NAME";
  if (sortKey !== "NAME" && sortKey !== "ID") throw notImplemented(info, `markets(sortKey: ${sortKey})`);
  const sorted = shop.markets
    .filter((m) => !args.type || m.type === args.type)
    .sort((a, b) => (sortKey === "ID" ? a.id - b.id : a.name.localeCompare(b.name)));
  return connection(sorted.map(marketNode), args, (m) => m.id);
}

function marketNode(m: MarketRecord) {
  return {
    __typename: "Market",
    id: gid("Market", m.id),
    name: m.name,
    handle: m.handle,
    status: m.status,
    enabled: m.status === "ACTIVE",
    type: m.type,
  };
}
