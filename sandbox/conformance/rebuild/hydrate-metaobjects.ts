import type { Exchange } from "../normalize";
import { ANY_GID, fillGaps, isMutationStep, isObject, stepText } from "../steps";
import { ensureInstallation } from "../../shopify/state";
import { postGraphql, type Twin } from "../twin";
import { RECORDED_API_CLIENT_ID } from "../volatile";
import type { Hydrated } from "./hydrate";
import type { SeedMarks } from "./seeded-exchanges";

// Metaobject definitions the recorded shop already had, rebuilt in the twin before the replay
// through the twin's own Admin API, from what reads showed of them (the scenario's reads first, the
// recording proxy's read-through answers only where the scenario showed nothing: fillGaps).
// - metaobject-definition-limit-caps.json lists the shop's 6 definitions (2 standard) before its
//   124 creates reach the cap of 128; metaobject-definition-draft-flow.json lists 5 of them.
// - metaobject-create-cold-hydration.json creates an entry of a type only the proxy's
//   MetaobjectDefinitionHydrateByType answer shows.
// A standard (shopify--) definition is enabled from Shopify's template (standardMetaobjectDefinitionEnable);
// any other is created with the values the reads showed. A value no read showed is not invented:
// a definition read without its name is created under its type as name, one read without its
// field definitions is created without fields, and both count as partially known (`partial`).
// Who created it: the recording app when a read shows it as createdByApp, another app otherwise.

const DEFINITION = /^gid:\/\/shopify\/MetaobjectDefinition\/(\d+)$/;

interface RecordedField { key: string; name?: string; description?: string | null; required?: boolean; type: string; validations?: { name: string; value: string }[]; adminFilterable?: boolean }
export interface RecordedDefinition {
  gid: string;
  type: string;
  name?: string;
  description?: string | null;
  displayNameKey?: string | null;
  storefront?: string;
  capabilities?: Record<string, { enabled: boolean; urlHandle?: string }>;
  fieldDefinitions?: RecordedField[];
  /** A read showed the recording app as createdByApp. */
  byRecordingApp?: boolean;
}

/** Definitions a read showed before any mutation of the scenario named them, and that no mutation of the scenario created. */
export function preexistingDefinitions(exchanges: Exchange[], marks?: SeedMarks): RecordedDefinition[] {
  // A definition the scenario's own create or enable answered, and where in the order it did.
  const made = new Map<string, number>();
  exchanges.forEach((ex, i) => {
    if (!isMutationStep(ex)) return;
    const data = isObject(ex.response?.data) ? ex.response.data : {};
    for (const root of MAKING) {
      const id = (data[root] as { metaobjectDefinition?: { id?: unknown } } | null | undefined)?.metaobjectDefinition?.id;
      if (typeof id === "string" && !made.has(id)) made.set(id, i);
    }
  });
  const touched = new Set<string>(); // named by a mutation so far: later reads show changed state
  const found = new Map<string, RecordedDefinition>();
  exchanges.forEach((ex, i) => {
    const named = stepText(ex).match(ANY_GID) ?? [];
    if (isMutationStep(ex)) {
      for (const g of named) touched.add(g);
      return;
    }
    // A read that shows a definition the scenario makes at a later step was answered after that
    // step (the order misplaces it): it is no evidence of the state before the scenario.
    if (named.some((g) => (made.get(g) ?? -1) > i)) return;
    collect(ex.response?.data, touched, found, marks);
  });
  return [...found.values()].filter((d) => !made.has(d.gid)).sort((a, b) => numberOf(a.gid) - numberOf(b.gid));
}

const MAKING = ["metaobjectDefinitionCreate", "standardMetaobjectDefinitionEnable"];
const numberOf = (g: string) => Number(DEFINITION.exec(g)?.[1] ?? 0);

function collect(node: unknown, touched: Set<string>, found: Map<string, RecordedDefinition>, marks?: SeedMarks): void {
  if (Array.isArray(node)) return node.forEach((v) => collect(v, touched, found, marks));
  if (!isObject(node)) return;
  const id = typeof node.id === "string" && DEFINITION.test(node.id) ? node.id : undefined;
  if (id && typeof node.type === "string" && !touched.has(id)) {
    // Reads of the same untouched definition show the same state: each adds what it selected.
    const seen = found.get(id) ?? { gid: id, type: node.type };
    found.set(id, { ...recordedValues(node), ...seen });
    if (marks) markDefinition(marks, id, node);
  }
  for (const v of Object.values(node)) collect(v, touched, found, marks);
}

/**
 * The values of a definition node the rebuild takes (seeded-exchanges.ts). A standard (shopify--)
 * one is enabled from Shopify's template: only its id and type come from the read.
 */
function markDefinition(marks: SeedMarks, id: string, node: Record<string, unknown>): void {
  if (String(node.type).startsWith("shopify--")) return marks.mark(id, node, ["id", "type"]);
  marks.mark(id, node, ["id", "type", "name", "description", "displayNameKey"].filter((k) => node[k] !== undefined));
  if (isObject(node.access) && typeof node.access.storefront === "string") marks.mark(id, node.access, ["storefront"]);
  if (isObject(node.capabilities)) for (const c of Object.values(node.capabilities)) {
    if (!isObject(c) || typeof c.enabled !== "boolean") continue;
    marks.mark(id, c, ["enabled"]);
    if (isObject(c.data) && typeof c.data.urlHandle === "string") marks.mark(id, c.data, ["urlHandle"]);
  }
  if (isObject(node.createdByApp) && typeof node.createdByApp.id === "string") marks.mark(id, node.createdByApp, ["id"]);
  const fields = recordedValues(node).fieldDefinitions;
  if (fields) for (const f of node.fieldDefinitions as Record<string, unknown>[]) {
    marks.mark(id, f, ["key", "name", "description", "required", "validations"].filter((k) => f[k] !== undefined));
    marks.mark(id, f.type, ["name"]);
    if (isObject(f.capabilities) && isObject(f.capabilities.adminFilterable)) marks.mark(id, f.capabilities.adminFilterable, ["enabled"]);
  }
}

function recordedValues(node: Record<string, unknown>): Omit<RecordedDefinition, "gid" | "type"> {
  const out: Omit<RecordedDefinition, "gid" | "type"> = {};
  if (typeof node.name === "string") out.name = node.name;
  if (node.description !== undefined) out.description = node.description as string | null;
  if (node.displayNameKey !== undefined) out.displayNameKey = node.displayNameKey as string | null;
  const access = node.access as { storefront?: unknown } | undefined;
  if (typeof access?.storefront === "string") out.storefront = access.storefront;
  if (isObject(node.capabilities)) {
    out.capabilities = {};
    for (const [k, v] of Object.entries(node.capabilities)) {
      if (!isObject(v) || typeof v.enabled !== "boolean") continue;
      const urlHandle = isObject(v.data) && typeof v.data.urlHandle === "string" ? v.data.urlHandle : undefined;
      out.capabilities[k] = { enabled: v.enabled, ...(urlHandle ? { urlHandle } : {}) };
    }
  }
  if (Array.isArray(node.fieldDefinitions) && node.fieldDefinitions.every((f) => isObject(f) && typeof f.key === "string" && isObject(f.type) && typeof f.type.name === "string")) {
    out.fieldDefinitions = (node.fieldDefinitions as Record<string, unknown>[]).map((f) => ({
      key: f.key as string,
      type: (f.type as { name: string }).name,
      ...(typeof f.name === "string" ? { name: f.name } : {}),
      ...(f.description !== undefined ? { description: f.description as string | null } : {}),
      ...(typeof f.required === "boolean" ? { required: f.required } : {}),
      ...(Array.isArray(f.validations) ? { validations: f.validations as { name: string; value: string }[] } : {}),
      ...(isObject(f.capabilities) && isObject(f.capabilities.adminFilterable) ? { adminFilterable: f.capabilities.adminFilterable.enabled === true } : {}),
    }));
  }
  const app = node.createdByApp as { id?: unknown } | undefined;
  if (typeof app?.id === "string") out.byRecordingApp = app.id.endsWith(`/${RECORDED_API_CLIENT_ID}`);
  return out;
}

/** The definitions to rebuild: the scenario's reads, filled in from the proxy's read-through answers. */
export function recordedDefinitions(exchanges: Exchange[], evidence: Exchange[], marks?: SeedMarks): RecordedDefinition[] {
  const blank = (d: RecordedDefinition) => d.name === undefined && d.fieldDefinitions === undefined;
  return fillGaps(preexistingDefinitions(exchanges, marks), preexistingDefinitions([...evidence, ...exchanges]), (d) => d.gid, blank).sort((a, b) => numberOf(a.gid) - numberOf(b.gid));
}

const ENABLE = "mutation HydrateStandardDefinition($type: String!) { standardMetaobjectDefinitionEnable(type: $type) { metaobjectDefinition { id } userErrors { field message } } }";
const CREATE = "mutation HydrateDefinition($definition: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $definition) { metaobjectDefinition { id } userErrors { field message } } }";

// The shop's own earlier work by an app other than the one under test.
const HYDRATION_APP = "conformance-recorded-shop";
const HYDRATION_SCOPES = ["read_metaobject_definitions", "write_metaobject_definitions"];

/** The create input a definition's recorded values allow (no value the reads did not show). */
export function definitionInput(d: RecordedDefinition): Record<string, unknown> {
  const appType = new RegExp(`^app--${RECORDED_API_CLIENT_ID}--`);
  const fields = d.fieldDefinitions ?? [];
  return {
    type: appType.test(d.type) ? d.type.replace(appType, "$app:") : d.type,
    name: d.name ?? d.type,
    ...(d.description ? { description: d.description } : {}),
    ...(d.displayNameKey && fields.some((f) => f.key === d.displayNameKey) ? { displayNameKey: d.displayNameKey } : {}),
    ...(d.storefront ? { access: { storefront: d.storefront } } : {}),
    ...(d.capabilities ? { capabilities: Object.fromEntries(Object.entries(d.capabilities).map(([k, c]) => [k, { enabled: c.enabled, ...(c.urlHandle ? { data: { urlHandle: c.urlHandle } } : {}) }])) } : {}),
    fieldDefinitions: fields.map((f) => ({
      key: f.key, type: f.type,
      ...(f.name !== undefined ? { name: f.name } : {}),
      ...(f.description ? { description: f.description } : {}),
      ...(f.required !== undefined ? { required: f.required } : {}),
      ...(f.validations?.length ? { validations: f.validations } : {}),
      ...(f.adminFilterable !== undefined ? { capabilities: { adminFilterable: { enabled: f.adminFilterable } } } : {}),
    })),
  };
}

/** Rebuilds the recorded definitions in the twin, oldest first; returns captured -> twin id pairs. */
export async function hydrateMetaobjectDefinitions(scenarioTwin: Twin, definitions: RecordedDefinition[]): Promise<Hydrated> {
  const out: Hydrated = { ids: [], strings: [], failures: [], partial: [] };
  if (!definitions.length) return out;
  const { state, tokens } = scenarioTwin.sandbox;
  ensureInstallation(state, scenarioTwin.shop, HYDRATION_APP, HYDRATION_SCOPES);
  const other: Twin = { ...scenarioTwin, token: tokens.issueOffline(scenarioTwin.shop, HYDRATION_APP, HYDRATION_SCOPES.join(","), { expiring: false }).access.token };
  for (const d of definitions) {
    const appOwned = d.type.startsWith(`app--${RECORDED_API_CLIENT_ID}--`);
    const writer = d.byRecordingApp || appOwned ? scenarioTwin : other;
    const standard = d.type.startsWith("shopify--");
    const reply = standard
      ? await postGraphql(writer, { query: ENABLE, variables: { type: d.type } })
      : await postGraphql(writer, { query: CREATE, variables: { definition: definitionInput(d) } });
    const data = (reply.body as { data?: Record<string, { metaobjectDefinition?: { id: string } | null } | null> } | null)?.data;
    const made = (standard ? data?.standardMetaobjectDefinitionEnable : data?.metaobjectDefinitionCreate)?.metaobjectDefinition?.id;
    if (!made) {
      out.failures.push(`${d.gid}: ${JSON.stringify(reply.body).slice(0, 200)}`);
      continue;
    }
    out.ids.push([d.gid, made]);
    if (!standard && (d.name === undefined || d.fieldDefinitions === undefined)) out.partial.push(d.gid);
  }
  return out;
}
