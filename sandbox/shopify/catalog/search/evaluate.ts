import type { GraphQLResolveInfo } from "graphql";
import { coded } from "../../admin-graphql/errors";
import { notImplemented } from "../../admin-graphql/resolvers/not-implemented";
import { fieldTerms, parseSearch, type SearchNode, type SearchTerm } from "./parse";

// Turns a parsed query into a predicate over records. Each resource declares the filters it
// implements; the filters Shopify documents for the field (the table in the schema's `query`
// argument description) but the twin does not implement fail loudly; names Shopify does not know
// fail open with an extensions.search warning, as Shopify does.

export type FilterSpec<T> =
  | { kind: "text"; get: (r: T) => string[] } // word match, prefix with *
  | { kind: "keyword"; get: (r: T) => string[]; list?: boolean } // whole-value match, case-insensitive
  | { kind: "number"; get: (r: T) => number[] }
  | { kind: "time"; get: (r: T) => (string | null)[] }
  | { kind: "bool"; get: (r: T) => boolean }
  | { kind: "custom"; test: (r: T, term: SearchTerm) => boolean };

export interface SearchSpec<T> {
  freeText: (r: T) => string[];
  filters: Record<string, FilterSpec<T>>;
}

export interface SearchWarning {
  path: (string | number)[];
  query: string;
  parsed: { field: string; match_all: string };
  warnings: { field: string; message: string; code: string }[];
}

export interface CompiledSearch<T> { test: (r: T) => boolean; warnings: SearchWarning[]; terms: SearchTerm[]; freeTextTerms: SearchTerm[] }

export function compileSearch<T>(query: string | null | undefined, spec: SearchSpec<T>, info: GraphQLResolveInfo, now = Date.now()): CompiledSearch<T> {
  if (!query?.trim()) return { test: () => true, warnings: [], terms: [], freeTextTerms: [] };
  const ast = parseSearch(query);
  const documented = documentedFilters(info);
  const warnings: SearchWarning[] = [];
  const unknown = new Set<SearchTerm>();
  for (const term of fieldTerms(ast)) {
    const field = term.field!;
    if (spec.filters[field] || (field.startsWith("metafields.") && spec.filters["metafields"])) continue;
    if (documented.has(field) || (field.startsWith("metafields.") && documented.has("metafields.{namespace}.{key}"))) {
      throw notImplemented(info, `the \`${field}\` search filter of ${info.fieldName}`);
    }
    unknown.add(term);
    warnings.push({
      path: pathOf(info),
      query,
      parsed: { field, match_all: term.value },
      warnings: [{ field, message: "Invalid search field for this query.", code: "invalid_field" }],
    });
  }
  // Validate timestamps up front: Shopify rejects the whole request (BAD_REQUEST).
  for (const term of fieldTerms(ast)) {
    const f = spec.filters[term.field!];
    if (f?.kind === "time" && !term.exists && !timeRange(term.value, now)) {
      throw coded(`Invalid timestamp for query filter \`${term.field}\`.`, "BAD_REQUEST");
    }
  }
  const freeTextTerms: SearchTerm[] = [];
  collectFreeText(ast, freeTextTerms);
  const evaluate = (node: SearchNode, r: T): boolean => {
    switch (node.kind) {
      case "and": return node.items.every((n) => evaluate(n, r));
      case "or": return node.items.some((n) => evaluate(n, r));
      case "not": return !evaluate(node.item, r);
      case "term": return unknown.has(node) ? true : matchTerm(node, r, spec, now);
    }
  };
  return { test: (r) => evaluate(ast, r), warnings, terms: fieldTerms(ast), freeTextTerms };
}

function collectFreeText(node: SearchNode, out: SearchTerm[]): void {
  if (node.kind === "term") { if (!node.field) out.push(node); return; }
  if (node.kind === "not") return;
  for (const n of node.items) collectFreeText(n, out);
}

function matchTerm<T>(term: SearchTerm, r: T, spec: SearchSpec<T>, now: number): boolean {
  if (!term.field) return spec.freeText(r).some((v) => wordMatch(v, term.value, term.prefix));
  const f = spec.filters[term.field] ?? spec.filters["metafields"]!;
  switch (f.kind) {
    case "text": {
      const values = f.get(r);
      return term.exists ? values.some(Boolean) : values.some((v) => wordMatch(v, term.value, term.prefix));
    }
    case "keyword": {
      const values = f.get(r).map((v) => v.toLowerCase());
      if (term.exists) return values.some(Boolean);
      const wanted = (f.list ? term.value.split(",") : [term.value]).map((w) => w.trim().toLowerCase());
      return wanted.some((w) => values.some((v) => (term.prefix ? v.startsWith(w) : v === w)));
    }
    case "number": {
      const values = f.get(r);
      if (term.exists) return values.length > 0;
      const n = Number(term.value);
      if (!Number.isFinite(n)) return false;
      return values.some((v) => compare(v, n, term.comparator));
    }
    case "time": {
      const values = f.get(r);
      if (term.exists) return values.some((v) => v !== null);
      const range = timeRange(term.value, now)!;
      return values.some((v) => {
        if (v === null) return false;
        const t = Date.parse(v);
        switch (term.comparator) {
          case ":": return t >= range[0] && t < range[1];
          case ">": return t >= range[1];
          case ">=": return t >= range[0];
          case "<": return t < range[0];
          case "<=": return t < range[1];
        }
      });
    }
    case "bool": return f.get(r) === /^true$/i.test(term.value);
    case "custom": return f.test(r, term);
  }
}

const compare = (v: number, n: number, c: SearchTerm["comparator"]) =>
  c === ":" ? v === n : c === ">" ? v > n : c === ">=" ? v >= n : c === "<" ? v < n : v <= n;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Case-insensitive match of a word or phrase on word boundaries (prefix: no right boundary). */
export function wordMatch(haystack: string, needle: string, prefix: boolean): boolean {
  if (!needle) return false;
  const key = `${prefix ? 1 : 0}${needle}`;
  let re = wordRegexes.get(key);
  if (!re) {
    if (wordRegexes.size > 500) wordRegexes.clear();
    re = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(needle.toLowerCase())}${prefix ? "" : "($|[^\\p{L}\\p{N}])"}`, "u");
    wordRegexes.set(key, re);
  }
  return re.test(haystack.toLowerCase());
}

const wordRegexes = new Map<string, RegExp>(); // compiled once per term, not once per record

/** [start, end) in ms for a search timestamp: a year, a date, a date-time, or now. */
export function timeRange(value: string, now: number): [number, number] | undefined {
  const v = value.trim();
  if (/^now$/i.test(v)) return [now, now + 1000];
  if (/^\d{4}$/.test(v)) return [Date.UTC(+v, 0, 1), Date.UTC(+v + 1, 0, 1)];
  let m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return [Date.UTC(+m[1]!, +m[2]! - 1, 1), Date.UTC(+m[1]!, +m[2]!, 1)];
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const start = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
    return Number.isNaN(start) ? undefined : [start, start + 86_400_000];
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v)) {
    const t = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`);
    return Number.isNaN(t) ? undefined : [t, t + 1000];
  }
  return undefined;
}

const pathOf = (info: GraphQLResolveInfo) => {
  const out: (string | number)[] = [];
  for (let p: GraphQLResolveInfo["path"] | undefined = info.path; p; p = p.prev) out.unshift(p.key);
  return out;
};

const documentedCache = new WeakMap<object, Set<string>>();

/** Filter names from the markdown table in the schema's description of the field's `query` argument. */
function documentedFilters(info: GraphQLResolveInfo): Set<string> {
  const field = info.parentType.getFields()[info.fieldName]!;
  let set = documentedCache.get(field);
  if (!set) {
    set = new Set();
    const description = field.args.find((a) => a.name === "query")?.description ?? "";
    for (const line of description.split("\n")) {
      const name = /^\|\s*([^|\s]+)\s*\|/.exec(line)?.[1];
      if (name && name !== "name" && !/^-+$/.test(name) && name !== "default") set.add(name);
    }
    documentedCache.set(field, set);
  }
  return set;
}
