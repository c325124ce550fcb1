import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { accessDenied, contextHasScope } from "../../admin-graphql/access";
import { metafieldNode, metafieldOwnerFields } from "../../content/metafield-fields";
import { metafieldsOf } from "../../content/metafields-store";
import { resolveAppPrefix } from "../../platform/app-identity";
import { keysetConnection } from "../keyset";
import type { SearchWarning } from "../search/evaluate";

// Small pieces every catalog resolver uses: scope checks with Shopify's ACCESS_DENIED shape,
// owner metafields, Count objects, the search-warning channel, timestamps.

/** Shopify's implied scopes: write_x grants read_x (shared with the root-field access check). */
export const hasScope = contextHasScope;

/** Throws ACCESS_DENIED unless one of `scopes` is granted (message format from the captures). */
export function requireScope(ctx: AdminContext, info: GraphQLResolveInfo, ...scopes: string[]): void {
  if (scopes.some((s) => hasScope(ctx, s))) return;
  const required = scopes.length === 1 ? `\`${scopes[0]}\` access scope.` : `the ${scopes.map((s) => `\`${s}\``).join(" or the ")} access scope.`;
  throw accessDenied(info.fieldName, required);
}

export const count = (n: number, limit?: number | null) =>
  limit != null && n > limit ? { __typename: "Count", count: limit, precision: "AT_LEAST" } : { __typename: "Count", count: n, precision: "EXACT" };

const warningsByContext = new WeakMap<object, SearchWarning[]>();

/** Unknown search fields are reported in extensions.search; the handler reads them from here. */
export function addSearchWarnings(ctx: AdminContext, warnings: SearchWarning[]): void {
  if (!warnings.length) return;
  const list = warningsByContext.get(ctx) ?? [];
  list.push(...warnings);
  warningsByContext.set(ctx, list);
}

export function takeSearchWarnings(ctx: AdminContext): SearchWarning[] {
  const list = warningsByContext.get(ctx) ?? [];
  warningsByContext.delete(ctx);
  return list;
}

export function parseGid(gid: unknown, type: string): number | undefined {
  if (typeof gid !== "string") return undefined;
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(gid);
  return m && m[1] === type ? Number(m[2]) : undefined;
}

// ---- metafields on catalog owners (records and the Metafield node live in content/)

/**
 * `metafield(namespace, key)` and `metafields(...)` for an owner gid, through the content domain's
 * metafieldOwnerFields. One captured quirk is kept here (metafields-owner-connection-args.json):
 * `metafields(keys:)` matches only qualified "namespace.key" strings, in the order given, and the
 * nodes' `key` comes back qualified.
 */
export function metafieldFields(ownerGid: string) {
  return {
    metafield: (args: { namespace?: string | null; key: string }, ctx: AdminContext) => metafieldOwnerFields(ctx, ownerGid).metafield(args),
    metafields: (args: { namespace?: string | null; keys?: string[] | null; first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null }, ctx: AdminContext) => {
      if (!args.keys) return metafieldOwnerFields(ctx, ownerGid).metafields(args);
      const all = [...metafieldsOf(ctx.state, ctx.shop.domain, ownerGid).values()];
      const namespace = args.namespace == null ? undefined : resolveAppPrefix(args.namespace, ctx.token.apiKey);
      const rows = args.keys.flatMap((k, pos) => {
        const dot = k.lastIndexOf(".");
        if (dot < 0) return [];
        const qualified = `${resolveAppPrefix(k.slice(0, dot), ctx.token.apiKey)}.${k.slice(dot + 1)}`;
        const m = all.find((r) => `${r.namespace}.${r.key}` === qualified && (namespace === undefined || r.namespace === namespace));
        return m ? [{ m, key: k, pos }] : [];
      });
      return keysetConnection({ items: rows, value: (r) => r.pos, id: (r) => r.m.legacyId }, args, (r) => ({ ...metafieldNode(ctx, r.m), key: r.key }));
    },
  };
}

export const plainText = (html: string) =>
  html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|div|li|h\d)>/gi, "\n").replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();

export function truncate(text: string, at: number | null | undefined): string {
  if (at == null || text.length <= at) return text;
  return `${text.slice(0, Math.max(0, at - 3)).trimEnd()}...`;
}
