import { readdirSync } from "node:fs";
import path from "node:path";
import { Kind, getNamedType, isAbstractType, isInterfaceType, isObjectType, parse, validate, type OperationDefinitionNode, type SelectionSetNode, type FragmentDefinitionNode, type DocumentNode } from "graphql";
import { loadAdminSchema } from "../shopify/admin-graphql/schema";
import { CAPTURES_DIR, readRequestDocument } from "./captures";
import type { Exchange } from "./normalize";
import { echoedInputs, synthesizeQuery } from "./synthesize";
import { isObject } from "./steps";
import { pageSizesAllow } from "./page-sizes";

// Some captures store a step's variables and response but not its query text (e.g. a
// `setup.productCreate` kept only as { request: { variables }, response }). The step is replayed
// only when its query is recoverable without guessing: a document recorded elsewhere (first the
// same capture file, then any `.graphql` under _requests) that
//   - has one operation whose root fields answer exactly the captured `data` keys,
//   - defines every recorded variable and needs no variable the step did not record, and
//   - selects exactly the fields the captured response holds, at every level (fields under a
//     type condition or fragment that may not apply may be absent; unconditional fields, also those
//     of a fragment on the parent's own type, may not).
// Such a step is marked querySource "reconstructed" with the document it came from. Failing that,
// the query the response's shape allows is written from the schema (synthesize.ts, "synthesized").
// Anything else stays "query text not recorded", and the exchanges that use its objects fail as depending on it.

export interface CandidateDocument { query: string; source: string }

let requestDocuments: CandidateDocument[] | undefined;
/** Every .graphql document under _requests (sorted by path, so the choice is reproducible). */
export function allRequestDocuments(dir = CAPTURES_DIR): CandidateDocument[] {
  if (dir === CAPTURES_DIR && requestDocuments) return requestDocuments;
  const out: CandidateDocument[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".graphql")) {
        const query = readRequestDocument(child, dir);
        if (query) out.push({ query, source: child });
      }
    }
  };
  walk("_requests");
  if (dir === CAPTURES_DIR) requestDocuments = out;
  return out;
}

const parsed = new Map<string, DocumentNode | null>();
function parseCached(query: string): DocumentNode | null {
  if (!parsed.has(query)) {
    try { parsed.set(query, parse(query)); } catch { parsed.set(query, null); }
  }
  return parsed.get(query)!;
}

/** Fills in the query of steps that recorded none, where a recorded document fits exactly. */
export function reconstructQueries(exchanges: Exchange[], pool: CandidateDocument[] = allRequestDocuments()): Exchange[] {
  const sameFile: CandidateDocument[] = exchanges.filter((e) => e.query).map((e) => ({ query: e.query!, source: e.documentPath ?? `inline query of ${e.path}` }));
  return exchanges.map((ex) => {
    if (ex.query || ex.upload || !isObject(ex.response.data)) return ex;
    // A document that does not validate cannot have produced a response without errors.
    const clean = !ex.response.errors?.length;
    const hit = [...sameFile, ...pool].find((c) => fits(c.query, ex.variables, ex.response.data as Record<string, unknown>) && (!clean || validates(c.query)));
    if (hit) return { ...ex, query: hit.query, querySource: "reconstructed", documentPath: hit.source, operationName: undefined };
    const data = ex.response.data as Record<string, unknown>;
    const variables = Object.keys(ex.variables).length ? ex.variables : echoedInputs(data) ?? ex.variables;
    const synthesized = synthesizeQuery(variables, data);
    return synthesized ? { ...ex, query: synthesized, variables, querySource: "synthesized", operationName: undefined } : ex;
  });
}

const validity = new Map<string, boolean>();
function validates(query: string): boolean {
  if (!validity.has(query)) {
    const doc = parseCached(query);
    validity.set(query, !!doc && validate(loadAdminSchema().schema, doc).length === 0);
  }
  return validity.get(query)!;
}

/** Whether `query` (one operation) could have produced exactly `data` from `variables`. */
export function fits(query: string, variables: Record<string, unknown>, data: Record<string, unknown>): boolean {
  const doc = parseCached(query);
  if (!doc) return false;
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length !== 1) return false;
  const op = ops[0]!;
  const defined = new Map((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, v]));
  if (Object.keys(variables).some((name) => !defined.has(name))) return false;
  for (const [name, def] of defined) if (def.type.kind === Kind.NON_NULL_TYPE && !def.defaultValue && !(name in variables)) return false;
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return matches([op.selectionSet], data, fragments, true, rootTypeOf(op)) && pageSizesAllow(op, variables, data, fragments);
}

interface Keyed { required: boolean; sets: SelectionSetNode[]; leaf: boolean; /** the field's named type, when the schema knows it */ type?: string }

/**
 * Whether a fragment with `condition` applies to every object of `parentType`: a fragment on the
 * parent's own type (a named fragment on MarketWebPresence spread in `webPresences { nodes { … } }`:
 * localization-shop-locale-primary-guards.json), or on an interface or union the parent object type
 * belongs to. Its fields are then as unconditional as the parent's own.
 */
function alwaysApplies(condition: string | undefined, parentType: string | undefined): boolean {
  if (!condition || !parentType) return !condition;
  if (condition === parentType) return true;
  const { schema } = loadAdminSchema();
  const [cond, parent] = [schema.getType(condition), schema.getType(parentType)];
  return !!cond && isAbstractType(cond) && isObjectType(parent) && schema.isSubType(cond, parent);
}

/** The named type of `field` on `parentType`, or undefined. */
function fieldType(parentType: string | undefined, field: string): string | undefined {
  const parent = parentType ? loadAdminSchema().schema.getType(parentType) : undefined;
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? (parent.getFields()[field] ? getNamedType(parent.getFields()[field]!.type).name : undefined) : undefined;
}

function responseKeys(sets: SelectionSetNode[], fragments: Map<string, FragmentDefinitionNode>, conditional = false, out = new Map<string, Keyed>(), parentType?: string): Map<string, Keyed> {
  for (const set of sets) {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const entry = out.get(key) ?? { required: false, sets: [], leaf: !sel.selectionSet, type: fieldType(parentType, sel.name.value) };
        entry.required ||= !conditional && !sel.directives?.length;
        if (sel.selectionSet) entry.sets.push(sel.selectionSet);
        out.set(key, entry);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const condition = sel.typeCondition?.name.value;
        responseKeys([sel.selectionSet], fragments, conditional || !alwaysApplies(condition, parentType) || !!sel.directives?.length, out, condition ?? parentType);
      } else {
        const f = fragments.get(sel.name.value);
        if (f) responseKeys([f.selectionSet], fragments, conditional || !alwaysApplies(f.typeCondition.name.value, parentType) || !!sel.directives?.length, out, f.typeCondition.name.value);
      }
    }
  }
  return out;
}

function matches(sets: SelectionSetNode[], value: unknown, fragments: Map<string, FragmentDefinitionNode>, root = false, type?: string): boolean {
  if (value === null) return !root;
  if (Array.isArray(value)) return !root && value.every((v) => matches(sets, v, fragments, false, type));
  if (!isObject(value)) return false;
  const keys = responseKeys(sets, fragments, false, new Map(), type);
  for (const [key, k] of keys) if (k.required && !(key in value)) return false;
  for (const [key, v] of Object.entries(value)) {
    const k = keys.get(key);
    if (!k) return false;
    if (!k.leaf && !matches(k.sets, v, fragments, false, k.type)) return false;
  }
  return true;
}

/** The root type an operation's fields are selected on. */
const rootTypeOf = (op: OperationDefinitionNode) => loadAdminSchema().schema.getRootType(op.operation)?.name;

/** Whether the document's single operation selects the response path at all (under type conditions too). */
export function selectsAtAll(query: string, responsePath: string): boolean {
  return selectsPath(query, responsePath, false);
}

/** Whether the document's single operation selects the response path (`a.b[0].c`) with no type condition or directive on the way. */
export function selectsUnconditionally(query: string, responsePath: string): boolean {
  return selectsPath(query, responsePath, true);
}

function selectsPath(query: string, responsePath: string, unconditionally: boolean): boolean {
  const doc = parseCached(query);
  const ops = doc?.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  if (!doc || ops.length !== 1) return false;
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  let sets: SelectionSetNode[] = [ops[0]!.selectionSet];
  let type = rootTypeOf(ops[0]!);
  for (const key of responsePath.replace(/\[\d+\]/g, "").split(".")) {
    const k = responseKeys(sets, fragments, false, new Map(), type).get(key);
    if (!k || (unconditionally && !k.required)) return false;
    sets = k.sets;
    type = k.type;
  }
  return true;
}
