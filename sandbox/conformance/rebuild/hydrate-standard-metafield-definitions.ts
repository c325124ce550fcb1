import type { Exchange } from "../normalize";
import { ANY_GID, isMutationStep, isObject, requestText, stepText } from "../steps";
import { ensureInstallation } from "../../shopify/state";
import { postGraphql, type Twin } from "../twin";
import type { Hydrated } from "./hydrate";
import type { SeedMarks } from "./seeded-exchanges";

// Standard metafield definitions (Shopify's `shopify` namespace) the recorded shop had already
// enabled, rebuilt in the twin before the replay by enabling them from Shopify's template through
// the twin's Admin API. The twin refuses reads of the `shopify` namespace it has no definition for
// (it cannot know which standard definitions a shop enabled), so a scenario that names one needs it:
// metafield-definition-access-validation.json reservedBeforeSetup reads shopify.color-pattern
// (PRODUCT) before any step enabled it; the recording proxy's MetafieldDefinitionsHydrateResourceScope
// answer shows its owner type.
// Only definitions a read of the scenario showed before any mutation named them, and whose
// identifier or id a request of the scenario names. The owner type comes from that read, or else
// from an upstream answer showing the same definition (evidence only fills that value in).

const DEFINITION = /^gid:\/\/shopify\/MetafieldDefinition\/\d+$/;
const STANDARD_NAMESPACE = "shopify";

export interface RecordedStandardDefinition { gid: string; ownerType: string; namespace: string; key: string }
interface Seen { gid: string; ownerType?: string; namespace?: string; key?: string }

// (`marks`: the definition is enabled from Shopify's template, so only its id and the owner type,
// namespace and key come from the read: seeded-exchanges.ts.)
function collect(node: unknown, touched: Set<string>, found: Map<string, Seen>, marks?: SeedMarks): void {
  if (Array.isArray(node)) return node.forEach((v) => collect(v, touched, found, marks));
  if (!isObject(node)) return;
  if (typeof node.id === "string" && DEFINITION.test(node.id) && !touched.has(node.id)) {
    const seen = found.get(node.id) ?? { gid: node.id };
    for (const k of ["ownerType", "namespace", "key"] as const) if (typeof node[k] === "string" && seen[k] === undefined) seen[k] = node[k] as string;
    found.set(node.id, seen);
    marks?.mark(node.id, node, ["id", "ownerType", "namespace", "key"].filter((k) => typeof node[k] === "string"));
  }
  for (const v of Object.values(node)) collect(v, touched, found, marks);
}

/** Definitions the exchanges' reads showed before any mutation named them. */
function shownBeforeChanges(exchanges: Exchange[], marks?: SeedMarks): Map<string, Seen> {
  const touched = new Set<string>();
  const found = new Map<string, Seen>();
  for (const ex of exchanges) {
    if (isMutationStep(ex)) {
      for (const g of stepText(ex).match(ANY_GID) ?? []) touched.add(g);
      continue;
    }
    collect(ex.response?.data, touched, found, marks);
  }
  return found;
}

/** The standard definitions to enable before the replay. */
export function recordedStandardDefinitions(exchanges: Exchange[], evidence: Exchange[], marks?: SeedMarks): RecordedStandardDefinition[] {
  const upstream = new Map<string, Seen>();
  for (const ex of evidence) collect(ex.response?.data, new Set(), upstream);
  const requests = exchanges.map((ex) => requestText(ex));
  const out: RecordedStandardDefinition[] = [];
  for (const seen of shownBeforeChanges(exchanges, marks).values()) {
    const filled = { ...upstream.get(seen.gid), ...Object.fromEntries(Object.entries(seen).filter(([, v]) => v !== undefined)) } as Seen;
    const { gid, ownerType, namespace, key } = filled;
    if (namespace !== STANDARD_NAMESPACE || !ownerType || !key) continue;
    const named = requests.some((r) => r.includes(gid) || (r.includes(`"${STANDARD_NAMESPACE}"`) && r.includes(`"${key}"`)));
    if (named) out.push({ gid, ownerType, namespace, key });
  }
  return out;
}

const ENABLE = "mutation HydrateStandardMetafieldDefinition($ownerType: MetafieldOwnerType!, $namespace: String, $key: String) { standardMetafieldDefinitionEnable(ownerType: $ownerType, namespace: $namespace, key: $key) { createdDefinition { id } userErrors { field message } } }";
// The shop's own earlier work, done by another app than the one under test.
const HYDRATION_APP = "conformance-recorded-shop";

/** Enables the recorded standard definitions in the twin; returns captured -> twin id pairs. */
export async function hydrateStandardMetafieldDefinitions(scenarioTwin: Twin, definitions: RecordedStandardDefinition[]): Promise<Hydrated> {
  const out: Hydrated = { ids: [], strings: [], failures: [], partial: [] };
  if (!definitions.length) return out;
  const { state, tokens } = scenarioTwin.sandbox;
  ensureInstallation(state, scenarioTwin.shop, HYDRATION_APP, []);
  const other: Twin = { ...scenarioTwin, token: tokens.issueOffline(scenarioTwin.shop, HYDRATION_APP, "", { expiring: false }).access.token };
  for (const d of definitions) {
    const reply = await postGraphql(other, { query: ENABLE, variables: { ownerType: d.ownerType, namespace: d.namespace, key: d.key } });
    const made = (reply.body as { data?: { standardMetafieldDefinitionEnable?: { createdDefinition?: { id: string } | null } | null } } | null)?.data?.standardMetafieldDefinitionEnable?.createdDefinition?.id;
    if (made) out.ids.push([d.gid, made]);
    else out.failures.push(`${d.gid}: ${JSON.stringify(reply.body).slice(0, 200)}`);
  }
  return out;
}
