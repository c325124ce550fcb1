import {
  getNamedType, isAbstractType, isInputObjectType, isInterfaceType, isLeafType, isListType, isNonNullType, isObjectType, validate, parse,
  type GraphQLField, type GraphQLInputType, type GraphQLInterfaceType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema,
} from "graphql";
import { loadAdminSchema } from "../shopify/admin-graphql/schema";
import { fits } from "./reconstruct";
import { isObject } from "./steps";

// The last way to recover a step stored with variables and response but no query text, when no
// recorded document fits it (reconstruct.ts): write the one query the response's shape allows.
// The schema decides everything: the response's top keys must be root fields of one operation
// type, every recorded variable must be an argument of them (same name, or the only argument
// left), every key below must be a field of the type it sits on (a key that is not — an alias —
// stops it), fields only a concrete type has go under `... on Type`, and connections are asked
// for with `first: <the largest page the recording shows>`. Empty lists and
// nulls carry no shape, so they select only `__typename` (the answer is [] or null either way).
// The result must validate against the schema and select exactly the captured keys (`fits`).

export function synthesizeQuery(variables: Record<string, unknown>, data: Record<string, unknown>, schema: GraphQLSchema = loadAdminSchema().schema): string | undefined {
  const keys = Object.keys(data);
  if (!keys.length) return undefined;
  const root = [schema.getMutationType(), schema.getQueryType()].find((t) => t && keys.every((k) => Object.hasOwn(t.getFields(), k)));
  if (!root) return undefined;
  // A mutation's input is not in its response: without recorded variables it cannot be rebuilt
  // (see echoedInputs for the one exception).
  if (root === schema.getMutationType() && !Object.keys(variables).length && keys.some((k) => root.getFields()[k]!.args.length)) return undefined;
  const argumentOf = bindVariables(root, keys, variables);
  if (!argumentOf) return undefined;

  const definitions: string[] = [];
  for (const [name, type] of argumentOf.types) definitions.push(`$${name}: ${type}`);
  const parts: string[] = [];
  for (const key of keys) {
    const field = root.getFields()[key]!;
    const args = argumentOf.byField.get(key) ?? [];
    const selection = selectionFor(schema, field.type, data[key]);
    if (selection === undefined) return undefined;
    const bound = args.map(([arg, v]) => `${arg}: $${v}`);
    // A connection read without a recorded page size was asked for a page big enough for all of it.
    if (isConnection(field) && !args.some(([arg]) => arg === "first" || arg === "last")) bound.push(`first: ${pageSize([data[key]])}`);
    parts.push(`${key}${bound.length ? `(${bound.join(", ")})` : ""}${selection}`);
  }
  const operation = root === schema.getMutationType() ? "mutation" : "query";
  const query = `${operation} Synthesized${definitions.length ? `(${definitions.join(", ")})` : ""} { ${parts.join(" ")} }`;
  try {
    if (validate(schema, parse(query)).length) return undefined;
  } catch {
    return undefined;
  }
  return fits(query, variables, data) ? query : undefined;
}

interface Binding { byField: Map<string, [string, string][]>; types: Map<string, string> }

/** Recorded variables -> arguments of the root fields; undefined when one has no home or a required argument is left. */
function bindVariables(root: GraphQLObjectType, keys: string[], variables: Record<string, unknown>): Binding | undefined {
  const byField = new Map<string, [string, string][]>();
  const types = new Map<string, string>();
  const unbound = new Set(Object.keys(variables));
  for (const key of keys) {
    const field = root.getFields()[key]!;
    const bound: [string, string][] = [];
    for (const arg of field.args) {
      if (Object.hasOwn(variables, arg.name)) {
        bound.push([arg.name, arg.name]);
        types.set(arg.name, String(arg.type));
        unbound.delete(arg.name);
      }
    }
    byField.set(key, bound);
  }
  // One variable left over and one required argument left over on a single root field: the same
  // value under another name (`productId` for `product(id:)`).
  if (unbound.size === 1 && keys.length === 1) {
    const field = root.getFields()[keys[0]!]!;
    const open = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined && !byField.get(keys[0]!)!.some(([n]) => n === a.name));
    const [leftover] = [...unbound];
    if (open.length === 1 && fitsType(open[0]!.type, variables[leftover!])) {
      const [name] = [...unbound];
      byField.get(keys[0]!)!.push([open[0]!.name, name!]);
      types.set(name!, String(open[0]!.type));
      unbound.clear();
    }
  }
  if (unbound.size) return undefined;
  for (const key of keys) {
    const field = root.getFields()[key]!;
    const bound = new Set(byField.get(key)!.map(([arg]) => arg));
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined && !bound.has(a.name))) return undefined;
  }
  return { byField, types };
}

/** Whether a recorded value has the shape of an argument type (a string for a scalar, an object for an input object, a list for a list). */
function fitsType(type: GraphQLInputType, value: unknown): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return Array.isArray(value);
  if (isInputObjectType(inner)) return isObject(value);
  return value !== null && typeof value !== "object";
}

/** The selection set (with braces) for a value of `type`, "" for leaves, undefined when the shape does not fit. */
function selectionFor(schema: GraphQLSchema, type: Parameters<typeof getNamedType>[0], value: unknown): string | undefined {
  const named = getNamedType(type)!;
  if (isLeafType(named)) return isObject(value) || (Array.isArray(value) && value.some(isObject)) ? undefined : "";
  const objects = flatten(value);
  if (!objects.length) return " { __typename }";
  if (objects.some((o) => !isObject(o))) return undefined;
  const merged = new Map<string, unknown[]>();
  for (const o of objects as Record<string, unknown>[]) for (const [k, v] of Object.entries(o)) merged.set(k, [...(merged.get(k) ?? []), v]);

  const common: string[] = [];
  const conditional = new Map<string, string[]>();
  for (const [key, values] of merged) {
    if (key === "__typename") { common.push("__typename"); continue; }
    const owner = fieldOwner(schema, named, key, objects as Record<string, unknown>[]);
    if (!owner) return undefined;
    const field: GraphQLField<unknown, unknown> = owner.type.getFields()[key]!;
    const args = connectionArgs(field, values);
    if (args === undefined) return undefined;
    const sub = selectionFor(schema, field.type, values.length === 1 ? values[0] : values);
    if (sub === undefined) return undefined;
    const text = `${key}${args}${sub}`;
    if (owner.type === named) common.push(text);
    else conditional.set(owner.type.name, [...(conditional.get(owner.type.name) ?? []), text]);
  }
  const fragments = [...conditional].map(([t, fields]) => `... on ${t} { ${fields.join(" ")} }`);
  return ` { ${[...common, ...fragments].join(" ")} }`;
}

const flatten = (value: unknown): unknown[] => (Array.isArray(value) ? value.flatMap(flatten) : value === null || value === undefined ? [] : [value]);

/** The type that declares `key`: the named type itself, or for an interface/union the one concrete type that has it (or that __typename names). */
function fieldOwner(schema: GraphQLSchema, named: GraphQLNamedType, key: string, objects: Record<string, unknown>[]): { type: GraphQLObjectType | GraphQLInterfaceType } | undefined {
  if ((isObjectType(named) || isInterfaceType(named)) && Object.hasOwn(named.getFields(), key)) return { type: named };
  if (!isAbstractType(named)) return undefined;
  const typenames = new Set(objects.filter((o) => key in o).map((o) => o.__typename).filter((t): t is string => typeof t === "string"));
  const candidates = schema.getPossibleTypes(named).filter((t) => Object.hasOwn(t.getFields(), key) && (!typenames.size || typenames.has(t.name)));
  return candidates.length === 1 ? { type: candidates[0]! } : undefined;
}

/** `(first: <recorded page size>)` for connections, "" for fields without required arguments, undefined when a required argument is unknown. */
function connectionArgs(field: GraphQLField<unknown, unknown>, values: unknown[]): string | undefined {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  if (required.length) return undefined;
  return isConnection(field) ? `(first: ${pageSize(values)})` : "";
}

// The largest page the recording shows (nodes or edges), at least 1: a page of 250 nested inside
// another list can exceed the 1,000-point cost limit Shopify (and the twin) enforce.
function pageSize(values: unknown[]): number {
  const lengths = values.flatMap((v) => (isObject(v) ? [v.nodes, v.edges].filter(Array.isArray).map((l) => (l as unknown[]).length) : []));
  return Math.min(250, Math.max(1, ...lengths));
}

const isConnection = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type)!.name.endsWith("Connection") && field.args.some((a) => a.name === "first");

/**
 * The inputs of a mutation stored without variables, when its answer echoes every required one
 * under the argument's own name and none is optional: `shopLocaleDisable(locale:)` answers
 * `{ locale: "fr" }`. Anything else is not in the answer, so undefined.
 */
export function echoedInputs(data: Record<string, unknown>, schema: GraphQLSchema = loadAdminSchema().schema): Record<string, unknown> | undefined {
  const keys = Object.keys(data);
  const mutation = schema.getMutationType();
  if (keys.length !== 1 || !mutation || !Object.hasOwn(mutation.getFields(), keys[0]!)) return undefined;
  const field = mutation.getFields()[keys[0]!]!;
  const payload = data[keys[0]!];
  if (!isObject(payload) || !field.args.length || field.args.some((a) => !isNonNullType(a.type) || !isLeafType(getNamedType(a.type)))) return undefined;
  const out: Record<string, unknown> = {};
  for (const arg of field.args) {
    const echoed = payload[arg.name];
    if (echoed === undefined || echoed === null || typeof echoed === "object") return undefined;
    out[arg.name] = echoed;
  }
  return out;
}
