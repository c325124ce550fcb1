import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { isForeignAppReserved, isoSeconds, resolveAppPrefix } from "../platform/app-identity";
import { checkValue, isMetafieldType, VALID_TYPES, type ValueCheck } from "./metafield-values";
import { addMetafield, digestOf, metafieldsOf, readMetafield, removeMetafield, type MetafieldRecord } from "./metafields-store";
import { isMetafieldOwnerType, nodeTypename } from "./owners";
import { definitionForMetafield } from "./metafield-definitions";
import { checkValidations } from "./metafield-validations";
import { metaobjectDefinitionIdOf } from "./metaobjects";
import { metafieldNode } from "./metafield-fields";

// Mutation.metafieldsSet / metafieldsDelete. Messages, codes and shapes follow
// metafields-set-input-validation.json, metafields-set-over-limit-parity.json, the *-digest-* and
// owner-existence captures, and metafields-set-delete-app-namespace-resolution.json.

export const METAFIELDS_SET_LIMIT = 25;
const RESERVED_NAMESPACES = ["shopify_standard", "protected", "shopify-l10n-fields"];
const APP_NOT_AUTHORIZED = "Access to this namespace and key on Metafields for this resource type is not allowed.";

interface SetInput { ownerId: string; namespace?: string | null; key: string; value: string; type?: string | null; compareDigest?: string | null }
interface SetError { field: string[]; message: string; code: string | null; elementIndex: number | null }

export function valueCheck(ctx: AdminContext, context: ValueCheck["context"]): ValueCheck {
  return { exists: (id) => nodeTypename(ctx, id) !== undefined, shopCurrency: ctx.shop.currencyCode, context };
}

export function metafieldsSet(args: { metafields: SetInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.metafields.length > METAFIELDS_SET_LIMIT) {
    // Rejected before any row is looked at; `metafields` is null here, [] on other errors (captured).
    return { metafields: null, userErrors: [{ field: ["metafields"], message: `Exceeded the maximum metafields input limit of ${METAFIELDS_SET_LIMIT}.`, code: "LESS_THAN_OR_EQUAL_TO", elementIndex: null }] };
  }
  const errors: SetError[] = [];
  const planned: { input: SetInput; namespace: string; type: string; value: string; jsonValue: unknown }[] = [];
  const pending = new Map<string, string>(); // "owner ns.key" → value planned earlier in this batch
  args.metafields.forEach((input, i) => {
    const at = (...f: string[]) => ["metafields", String(i), ...f];
    const before = errors.length;
    const namespace = resolveAppPrefix(input.namespace, ctx.token.apiKey);
    if (namespace.length < 3) errors.push({ field: at("namespace"), message: "Namespace is too short (minimum is 3 characters)", code: "TOO_SHORT", elementIndex: null });
    if (namespace.length > 255) errors.push({ field: at("namespace"), message: "Namespace is too long (maximum is 255 characters)", code: "TOO_LONG", elementIndex: null });
    if (input.key.length < 2) errors.push({ field: at("key"), message: "Key is too short (minimum is 2 characters)", code: "TOO_SHORT", elementIndex: null });
    if (input.key.length > 64) errors.push({ field: at("key"), message: "Key is too long (maximum is 64 characters)", code: "TOO_LONG", elementIndex: null });
    if (RESERVED_NAMESPACES.includes(namespace)) errors.push({ field: at("namespace"), message: `Namespace ${namespace} is a reserved namespace`, code: null, elementIndex: null });
    if (isForeignAppReserved(namespace, ctx.token.apiKey)) errors.push({ field: at(), message: APP_NOT_AUTHORIZED, code: "APP_NOT_AUTHORIZED", elementIndex: null });
    if (errors.length > before) return;

    const existing = readMetafield(ctx.state, ctx.shop.domain, input.ownerId, namespace, input.key);
    const definition = definitionForMetafield(ctx, input.ownerId, namespace, input.key);
    const type = input.type ?? existing?.type ?? definition?.type;
    if (!type) return void errors.push({ field: at("type"), message: "Type can't be blank", code: "BLANK", elementIndex: null });
    if (!isMetafieldType(type)) {
      // Not captured for metafieldsSet; Shopify's wording for unknown types in definitions.
      return void errors.push({ field: at("type"), message: `Type name ${type} is not a valid type. Valid types are: ${VALID_TYPES}.`, code: "INVALID_TYPE", elementIndex: null });
    }
    const ownerTypename = nodeTypename(ctx, input.ownerId);
    if (!ownerTypename) return void errors.push({ field: at("ownerId"), message: "Owner does not exist.", code: "INVALID_VALUE", elementIndex: null });
    // An existing object that cannot own metafields (a BulkOperation, a Metaobject, …): not captured.
    if (!isMetafieldOwnerType(ownerTypename)) throw notImplemented(info, `metafieldsSet on a ${ownerTypename} owner`);

    const checked = checkValue(type, input.value, valueCheck(ctx, "metafield"));
    if (!checked.ok && "unsupported" in checked) throw notImplemented(info, `metafieldsSet with type ${checked.unsupported}`);
    if (!checked.ok) return void errors.push({ field: at("value"), message: checked.message, code: "INVALID_VALUE", elementIndex: checked.elementIndex });
    if (definition) {
      // A value of another type than the definition's was not captured.
      if (definition.type !== type) throw notImplemented(info, `metafieldsSet of type ${type} under a ${definition.type} definition`);
      const problem = checkValidations(type, checked.jsonValue, definition.validations, { metaobjectDefinitionIdOf: (id) => metaobjectDefinitionIdOf(ctx, id) }, true);
      if (problem) return void errors.push({ field: at("value"), message: problem.message, code: "INVALID_VALUE", elementIndex: problem.elementIndex });
    }

    // compareDigest: absent = last write wins; null = create only; a digest must match the current row.
    // Writing the value the row already holds always succeeds (metafields-set-malformed-existing-digest).
    const rowKey = `${input.ownerId} ${namespace}.${input.key}`;
    const currentValue = pending.get(rowKey) ?? existing?.value;
    if ("compareDigest" in input && checked.value !== currentValue) {
      if (input.compareDigest != null && currentValue === undefined) {
        return void errors.push({ field: at(), message: "Invalid `compareDigest` value.", code: "INVALID_COMPARE_DIGEST", elementIndex: null });
      }
      if (currentValue !== undefined && input.compareDigest !== existing?.compareDigest) {
        return void errors.push({ field: at(), message: "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.", code: "STALE_OBJECT", elementIndex: null });
      }
    }
    pending.set(rowKey, checked.value);
    planned.push({ input, namespace, type, value: checked.value, jsonValue: checked.jsonValue });
  });
  if (errors.length) return { metafields: [], userErrors: errors }; // atomic: nothing is written

  // Each input answers the row as that input left it: duplicates in one batch show their own value
  // and digest, in order (metafields-set-duplicate-input-parity.json).
  const written = planned.map((p) => metafieldNode(ctx, writeMetafield(ctx, p.input.ownerId, p.namespace, p.input.key, p.type, p.value, p.jsonValue)));
  return { metafields: written, userErrors: [] };
}

function writeMetafield(ctx: AdminContext, ownerGid: string, namespace: string, key: string, type: string, value: string, jsonValue: unknown): MetafieldRecord {
  const rows = metafieldsOf(ctx.state, ctx.shop.domain, ownerGid);
  const existing = rows.get(`${namespace}.${key}`);
  const now = isoSeconds();
  if (existing) {
    if (existing.value === value && existing.type === type) return existing;
    Object.assign(existing, { type, value, jsonValue, version: existing.version + 1, updatedAt: now });
    existing.compareDigest = digestOf(existing);
    return existing;
  }
  const id = ctx.state.nextId();
  const record: MetafieldRecord = {
    gid: gid("Metafield", id), legacyId: id, ownerGid, namespace, key, type, value, jsonValue,
    compareDigest: "", version: 1, createdAt: now, updatedAt: now,
  };
  record.compareDigest = digestOf(record);
  addMetafield(ctx.state, ctx.shop.domain, record);
  return record;
}

interface DeleteInput { ownerId: string; namespace: string; key: string }

export function metafieldsDelete(args: { metafields: DeleteInput[] }, ctx: AdminContext) {
  const resolved = args.metafields.map((m) => ({ ...m, namespace: resolveAppPrefix(m.namespace, ctx.token.apiKey) }));
  if (resolved.some((m) => isForeignAppReserved(m.namespace, ctx.token.apiKey))) {
    return { deletedMetafields: [], userErrors: [{ field: ["metafields"], message: APP_NOT_AUTHORIZED }] };
  }
  // Missing rows (or owners) come back as ordered nulls, not errors (metafield-delete-not-found.json).
  const deletedMetafields = resolved.map((m) => {
    if (!removeMetafield(ctx.state, ctx.shop.domain, m.ownerId, m.namespace, m.key)) return null;
    return { __typename: "MetafieldIdentifier", ownerId: m.ownerId, namespace: m.namespace, key: m.key };
  });
  return { deletedMetafields, userErrors: [] };
}
