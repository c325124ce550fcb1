import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import { coded } from "../../admin-graphql/errors";
import { metafieldsOf, readMetafield, type MetafieldRecord } from "../../content/metafields-store";
import { keysetConnection } from "../keyset";
import { legacyIdOf } from "../store";
import type { SearchWarning } from "../search/evaluate";

// Small pieces every catalog resolver uses: scope checks with Shopify's ACCESS_DENIED shape,
// owner metafields, Count objects, the search-warning channel, timestamps.

/** Shopify's implied scopes: write_x grants read_x. */
export function hasScope(ctx: AdminContext, scope: string): boolean {
  const scopes = ctx.installation?.scopes ?? ctx.token.scope.split(",");
  return scopes.includes(scope) || (scope.startsWith("read_") && scopes.includes(`write_${scope.slice(5)}`));
}

/** Throws ACCESS_DENIED unless one of `scopes` is granted (message format from the captures). */
export function requireScope(ctx: AdminContext, info: GraphQLResolveInfo, ...scopes: string[]): void {
  if (scopes.some((s) => hasScope(ctx, s))) return;
  const required = scopes.length === 1 ? `\`${scopes[0]}\` access scope.` : `the ${scopes.map((s) => `\`${s}\``).join(" or the ")} access scope.`;
  throw coded(`Access denied for ${info.fieldName} field. Required access: ${required}`, "ACCESS_DENIED", {
    documentation: "https://shopify.dev/api/usage/access-scopes",
    requiredAccess: required,
  });
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

// ---- metafields on catalog owners (records live in content/metafields-store.ts)

function metafieldNode(m: MetafieldRecord, key = m.key) {
  return {
    __typename: "Metafield",
    id: m.gid,
    legacyResourceId: String(legacyIdOf(m.gid)),
    namespace: m.namespace,
    key,
    type: m.type,
    value: m.value,
    jsonValue: jsonValueOf(m),
    compareDigest: m.compareDigest,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

function jsonValueOf(m: MetafieldRecord): unknown {
  if (m.type === "json" || m.type.startsWith("list.") || ["dimension", "volume", "weight", "rating", "money"].includes(m.type)) {
    try { return JSON.parse(m.value); } catch { return m.value; }
  }
  if (m.type === "number_integer") return Number(m.value);
  if (m.type === "boolean") return m.value === "true";
  return m.value;
}

/** `metafield(namespace, key)` and `metafields(...)` for an owner gid. Quirks: metafields-owner-connection-args.json. */
export function metafieldFields(ownerGid: string) {
  return {
    metafield: ({ namespace, key }: { namespace?: string | null; key: string }, ctx: AdminContext) => {
      const ns = namespace ?? appNamespace(ctx);
      const m = readMetafield(ctx.state, ctx.shop.domain, ownerGid, ns, key);
      return m ? metafieldNode(m) : null;
    },
    metafields: (args: { namespace?: string | null; keys?: string[] | null; first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null }, ctx: AdminContext) => {
      const all = [...metafieldsOf(ctx.state, ctx.shop.domain, ownerGid).values()];
      let rows: { m: MetafieldRecord; key: string; pos: number }[];
      if (args.keys) {
        // Only qualified "namespace.key" strings match, in the order given; key comes back qualified.
        rows = args.keys.flatMap((k, pos) => {
          const m = all.find((r) => `${r.namespace}.${r.key}` === k && (!args.namespace || r.namespace === args.namespace));
          return m ? [{ m, key: k, pos }] : [];
        });
      } else {
        rows = all.filter((m) => !args.namespace || m.namespace === args.namespace).sort((a, b) => legacyIdOf(a.gid) - legacyIdOf(b.gid)).map((m, pos) => ({ m, key: m.key, pos }));
      }
      return keysetConnection({ items: rows, value: (r) => (args.keys ? r.pos : legacyIdOf(r.m.gid)), id: (r) => legacyIdOf(r.m.gid) }, args, (r) => metafieldNode(r.m, r.key));
    },
  };
}

/** Metafields written without a namespace land in the app's namespace (quirks §3). */
function appNamespace(ctx: AdminContext): string {
  return `app--${ctx.installation?.id ?? ctx.token.apiKey}`;
}

export const plainText = (html: string) =>
  html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|div|li|h\d)>/gi, "\n").replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();

export function truncate(text: string, at: number | null | undefined): string {
  if (at == null || text.length <= at) return text;
  return `${text.slice(0, Math.max(0, at - 3)).trimEnd()}...`;
}
