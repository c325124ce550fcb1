import { Kind, valueFromASTUntyped, type FieldNode } from "graphql";
import type { Exchange } from "./normalize";
import { operationOf } from "./scopes";
import { isObject } from "./steps";
import type { ShopifyState } from "../shopify/state";
import { findMetafieldDefinition } from "../shopify/content/metafield-definitions";

// A `cleanup…` step deletes what the scenario made. When the step that made a metafield definition did
// not select its `id`, the cleanup's id appears nowhere else in the recording
// (standard-metafield-definition-enable-error-branches.json: visibleStorefrontTranslation enables
// PRODUCT facts.isbn answering only namespace, key and access; cleanup[0] deletes
// MetafieldDefinition/222100947250, the recorder having read the id, unrecorded, after the probe).
// Such an id is paired with the twin's definition of the same owner type, namespace and key, only when:
// the cleanup's captured answer deleted exactly that id without userErrors (so it existed), no other step
// or upstream answer showed it, exactly one earlier step created a definition without answering its id,
// and the twin made that definition during the scenario. A delete Shopify refused (an unknown-id
// validation case) or a step not named cleanup is never paired.

const CREATORS: Record<string, string> = { standardMetafieldDefinitionEnable: "createdDefinition", metafieldDefinitionCreate: "createdDefinition" };
const DEFINITION_GID = /^gid:\/\/shopify\/MetafieldDefinition\/\d+$/;

function rootFields(ex: Exchange): FieldNode[] {
  return operationOf(ex)?.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD) ?? [];
}

const argument = (field: FieldNode, name: string, variables: Record<string, unknown>): unknown => {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value, variables) : undefined;
};

/** The definitions earlier steps created (captured answer) without answering their id: owner type, namespace, key. */
function createdWithoutId(ex: Exchange): { ownerType: string; namespace: string; key: string }[] {
  const out: { ownerType: string; namespace: string; key: string }[] = [];
  for (const field of rootFields(ex)) {
    const payloadKey = CREATORS[field.name.value];
    const payload = (ex.response.data as Record<string, unknown> | null | undefined)?.[field.alias?.value ?? field.name.value];
    const created = isObject(payload) && payloadKey ? payload[payloadKey] : undefined;
    if (!isObject(created) || "id" in created) continue;
    const input = argument(field, "definition", ex.variables);
    const given = isObject(input) ? input : {};
    const ownerType = argument(field, "ownerType", ex.variables) ?? given.ownerType;
    const namespace = created.namespace ?? argument(field, "namespace", ex.variables) ?? given.namespace;
    const key = created.key ?? argument(field, "key", ex.variables) ?? given.key;
    if (typeof ownerType === "string" && typeof namespace === "string" && typeof key === "string") out.push({ ownerType, namespace, key });
  }
  return out;
}

/** The captured id a `cleanup…` metafieldDefinitionDelete deleted, when no other recorded step showed it. */
function unshownDeletedId(ex: Exchange, others: Exchange[]): string | undefined {
  if (!/\bcleanup/i.test(ex.path)) return undefined;
  const roots = rootFields(ex);
  if (roots.length !== 1 || roots[0]!.name.value !== "metafieldDefinitionDelete") return undefined;
  const id = argument(roots[0]!, "id", ex.variables);
  const answer = (ex.response.data as Record<string, unknown> | null | undefined)?.[roots[0]!.alias?.value ?? "metafieldDefinitionDelete"];
  if (typeof id !== "string" || !DEFINITION_GID.test(id) || !isObject(answer) || answer.deletedDefinitionId !== id) return undefined;
  if (!Array.isArray(answer.userErrors) || answer.userErrors.length || ex.response.errors?.length) return undefined;
  const number = id.replace(/^.*\//, "");
  return others.some((o) => `${o.query ?? ""} ${JSON.stringify(o.variables)} ${JSON.stringify(o.response)}`.includes(number)) ? undefined : id;
}

/**
 * Pairs (in `ids`) the captured id such a cleanup deletes with the twin's definition the scenario made
 * without answering its id. `earlier`: the steps replayed before it; `others`: every other recorded step
 * and upstream answer.
 */
export function pairUnshownCleanupId(ex: Exchange, earlier: Exchange[], others: Exchange[], ids: Map<string, string>, twin: { state: ShopifyState; shop: string; firstStepId: number }): void {
  const id = unshownDeletedId(ex, others);
  if (!id || ids.has(id)) return;
  const made = earlier.flatMap(createdWithoutId);
  if (made.length !== 1) return;
  const { ownerType, namespace, key } = made[0]!;
  const twinDefinition = findMetafieldDefinition(twin.state, twin.shop, ownerType, namespace, key);
  if (!twinDefinition || twinDefinition.id < twin.firstStepId) return;
  ids.set(id, `gid://shopify/MetafieldDefinition/${twinDefinition.id}`);
}
