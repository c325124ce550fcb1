import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { isoSeconds } from "../platform/app-identity";
import { isDefinitionType, VALID_TYPES } from "./metafield-values";
import { definitionNode, MAX_ADMIN_FILTERABLE, MAX_FIELDS, moError, type MetaobjectUserError } from "./metaobject-definitions";
import { metaobjectStore, objectsOfType, type FieldDefinitionRecord, type MetaobjectDefinitionRecord } from "./metaobjects-store";
import { metaobjectsInProductOptions } from "../catalog/resolvers/product-options";

// Mutation.metaobjectDefinitionUpdate. Messages, codes and field paths:
// metaobjectDefinitionUpdate-field-operation-errors.json, metaobjectDefinition-field-key-min-length.json,
// definition-name-type-description-length.json, metaobjectDefinitionUpdate-immutable.json,
// metaobjectDefinitionUpdate-capability-invariants.json, metaobject-definition-draft-flow.json (resetFieldOrder),
// metaobject-definition-customer-account-access.json, metaobjectDefinitionUpdate-url-handle-redirect.json.

type Validation = { name: string; value: string };
interface FieldCreate { key: string; type: string; name?: string | null; description?: string | null; required?: boolean | null; validations?: Validation[] | null; capabilities?: { adminFilterable?: { enabled: boolean } | null } | null }
interface FieldUpdate { key: string; name?: string | null; description?: string | null; required?: boolean | null; validations?: Validation[] | null; capabilities?: { adminFilterable?: { enabled: boolean } | null } | null }
interface FieldOperation { create?: FieldCreate | null; update?: FieldUpdate | null; delete?: { key: string } | null }
interface CapabilityInput { enabled: boolean; data?: Record<string, unknown> | null }
interface UpdateInput {
  name?: string | null; description?: string | null; displayNameKey?: string | null; resetFieldOrder?: boolean | null;
  fieldDefinitions?: FieldOperation[] | null;
  access?: { admin?: string | null; storefront?: string | null; customerAccount?: string | null } | null;
  capabilities?: { publishable?: CapabilityInput | null; translatable?: CapabilityInput | null; renderable?: CapabilityInput | null; onlineStore?: CapabilityInput | null } | null;
}

const KEY_RE = /^[A-Za-z0-9_-]+$/;
const RENDERABLE_TYPES = ["single_line_text_field", "multi_line_text_field", "rich_text_field"];

export function metaobjectDefinitionUpdate(args: { id: string; definition: UpdateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const input = args.definition;
  const d = metaobjectStore(ctx.state).definitions.get(Number(/^gid:\/\/shopify\/MetaobjectDefinition\/(\d+)$/.exec(args.id)?.[1]));
  const fail = (userErrors: MetaobjectUserError[]) => ({ metaobjectDefinition: null, userErrors });
  if (!d || d.shop !== ctx.shop.domain || (d.ownerApiKey && d.ownerApiKey !== ctx.token.apiKey)) {
    // Not captured; RECORD_NOT_FOUND on ["id"] as metaobjectDefinitionDelete answers.
    return fail([moError(["id"], "Record not found", "RECORD_NOT_FOUND")]);
  }
  if (d.type.startsWith("shopify--")) return fail([moError(["definition"], "Standard metaobject definitions can't be updated", "IMMUTABLE")]);

  const errors: MetaobjectUserError[] = [];
  if (input.name != null) {
    if (!input.name.trim()) errors.push(moError(["definition", "name"], "Name can't be blank", "BLANK"));
    else if (input.name.length > 255) errors.push(moError(["definition", "name"], "Name is too long (maximum is 255 characters)", "TOO_LONG"));
  }
  if (input.description && input.description.length > 255) errors.push(moError(["definition", "description"], "Description is too long (maximum is 255 characters)", "TOO_LONG"));
  if (input.access?.admin && !d.type.startsWith("app--")) {
    errors.push(moError(["definition", "access", "admin"], "Admin access can only be specified on metaobject definitions that have an app-reserved type.", "ADMIN_ACCESS_INPUT_NOT_ALLOWED"));
  }

  // Field operations, applied to a working copy in input order.
  let fields: FieldDefinitionRecord[] = d.fieldDefinitions.map((f) => ({ ...f }));
  const touched: string[] = [];
  const seen = new Set<string>();
  (input.fieldDefinitions ?? []).forEach((op, i) => {
    const at = ["definition", "fieldDefinitions", String(i)];
    if (op.create) {
      const f = op.create;
      const before = errors.length;
      const keyAt = [...at, "create"];
      if (!f.key) errors.push(moError(keyAt, "Key can't be blank", "BLANK", f.key));
      if (f.key.length < 2) errors.push(moError(keyAt, "Key is too short (minimum is 2 characters)", "TOO_SHORT", f.key));
      if (f.key.length > 64) errors.push(moError(keyAt, "Key is too long (maximum is 64 characters)", "TOO_LONG", f.key));
      if (!KEY_RE.test(f.key)) errors.push(moError(keyAt, "Key contains one or more invalid characters.", "INVALID", f.key));
      if (f.key === "handle" || f.key === "id") errors.push(moError(at, `The name "${f.key}" is reserved for system use`, "RESERVED_NAME", f.key));
      if (seen.has(f.key)) errors.push(moError(at, `Field "${f.key}" duplicates other inputs`, "DUPLICATE_FIELD_INPUT", f.key));
      else if (fields.some((x) => x.key === f.key)) errors.push(moError([...at, "create", "key"], `Field definition "${f.key}" is already taken`, "OBJECT_FIELD_TAKEN", f.key));
      seen.add(f.key);
      if (f.type.replace(/^list\./, "") === "disclosure_reference") {
        errors.push(moError(at, "The disclosure_reference type can only be used in standard definitions provided by Shopify.", "INVALID", f.key));
      } else if (!isDefinitionType(f.type)) {
        // Wording and path as metaobjectDefinitionCreate answers; not captured for update.
        errors.push(moError(at, `Type name ${f.type} is not a valid type. Valid types are: ${VALID_TYPES}.`, "INCLUSION", f.key));
      }
      if (errors.length > before) return;
      fields.push({
        key: f.key, name: f.name ?? f.key, description: f.description ?? null, required: !!f.required, type: f.type,
        validations: f.validations ?? [], adminFilterable: !!f.capabilities?.adminFilterable?.enabled,
      });
      touched.push(f.key);
    } else if (op.update) {
      const f = op.update;
      seen.add(f.key);
      const existing = fields.find((x) => x.key === f.key);
      if (!existing) return void errors.push(moError([...at, "update", "key"], `Field definition "${f.key}" does not exist`, "UNDEFINED_OBJECT_FIELD", f.key));
      if (f.name != null) existing.name = f.name;
      if (f.description !== undefined) existing.description = f.description;
      if (f.required != null) existing.required = f.required;
      if (f.validations != null) existing.validations = f.validations;
      if (f.capabilities?.adminFilterable) existing.adminFilterable = f.capabilities.adminFilterable.enabled;
      touched.push(f.key);
    } else if (op.delete) {
      const key = op.delete.key;
      if (!fields.some((x) => x.key === key)) return void errors.push(moError([...at, "delete", "key"], `Field definition "${key}" does not exist`, "UNDEFINED_OBJECT_FIELD", key));
      fields = fields.filter((x) => x.key !== key);
    }
  });
  if (fields.length > MAX_FIELDS) errors.push(moError(["definition", "fieldDefinitions"], `Maximum ${MAX_FIELDS} fields per metaobject definition`, "INVALID"));
  if (fields.filter((f) => f.adminFilterable).length > MAX_ADMIN_FILTERABLE) {
    errors.push(moError(["definition", "fieldDefinitions"], `Maximum ${MAX_ADMIN_FILTERABLE} admin filterable fields per metaobject definition`, "INVALID"));
  }
  if (input.displayNameKey != null && !fields.some((f) => f.key === input.displayNameKey)) {
    errors.push(moError(["definition", "displayNameKey"], `Field definition "${input.displayNameKey}" does not exist`, "UNDEFINED_OBJECT_FIELD"));
  } else if (input.displayNameKey !== undefined && input.displayNameKey !== d.displayNameKey && usedInProductOptions(ctx, d)) {
    // Option values are named after the entries' display names (metaobjectDefinitionUpdate-immutable.json).
    errors.push(moError(["definition", "displayNameKey"], "Cannot change display name field when metaobject is used in product options", "IMMUTABLE"));
  }

  const caps = input.capabilities ?? {};
  const renderData = caps.renderable?.enabled ? caps.renderable.data : null;
  if (renderData) {
    for (const [inputKey, name] of [["metaTitleKey", "meta_title_key"], ["metaDescriptionKey", "meta_description_key"]] as const) {
      const key = renderData[inputKey];
      if (typeof key !== "string") continue;
      const fd = fields.find((f) => f.key === key);
      if (!fd) errors.push(moError(["definition", "capabilities", "renderable"], `Field definition "${key}" does not exist`, "INVALID"));
      else if (!RENDERABLE_TYPES.includes(fd.type)) {
        errors.push(moError(["definition", "capabilities", "renderable"], `Renderable Capability "${name}" cannot reference the field definition "${key}" of type "${fd.type}". Only ${RENDERABLE_TYPES.join(", ")} definitions are allowed.`, "FIELD_TYPE_INVALID"));
      }
    }
  }
  if (errors.length) return fail(errors);
  // The twin does not keep renderable data (meta title/description keys); fail loudly rather than drop it.
  if (renderData && Object.keys(renderData).length) throw notImplemented(info, "metaobjectDefinitionUpdate(capabilities.renderable.data)");

  if (input.resetFieldOrder) {
    // Submitted fields first, then the omitted ones alphabetized (schema description).
    const submitted = touched.map((k) => fields.find((f) => f.key === k)!).filter(Boolean);
    const rest = fields.filter((f) => !touched.includes(f.key)).sort((a, b) => a.key.localeCompare(b.key));
    fields = [...submitted, ...rest];
  }
  applyUpdate(d, input, fields);
  return { metaobjectDefinition: definitionNode(ctx, d), userErrors: [] };
}

/** Is an entry of this definition the value of a metafield-linked product option? */
function usedInProductOptions(ctx: AdminContext, d: MetaobjectDefinitionRecord): boolean {
  const linked = metaobjectsInProductOptions(ctx.state, ctx.shop.domain);
  return objectsOfType(ctx.state, d.shop, d.type).some((o) => linked.has(`gid://shopify/Metaobject/${o.id}`));
}

function applyUpdate(d: MetaobjectDefinitionRecord, input: UpdateInput, fields: FieldDefinitionRecord[]) {
  if (input.name != null) d.name = input.name;
  if (input.description !== undefined) d.description = input.description ?? null;
  if (input.displayNameKey !== undefined) d.displayNameKey = input.displayNameKey ?? null;
  if (input.access?.admin) d.access.admin = input.access.admin;
  if (input.access?.storefront) d.access.storefront = input.access.storefront;
  if (input.access?.customerAccount) d.access.customerAccount = input.access.customerAccount;
  const caps = input.capabilities ?? {};
  if (caps.publishable) d.capabilities.publishable = caps.publishable.enabled;
  if (caps.translatable) d.capabilities.translatable = caps.translatable.enabled;
  if (caps.renderable) d.capabilities.renderable = caps.renderable.enabled;
  if (caps.onlineStore) {
    d.capabilities.onlineStore = caps.onlineStore.enabled;
    // createRedirects makes Shopify add URL redirects for the entries; the twin keeps no redirects
    // (urlRedirects/urlRedirect reads fail loudly).
    const data = caps.onlineStore.data as { urlHandle?: string } | null | undefined;
    if (data?.urlHandle !== undefined) d.capabilities.urlHandle = data.urlHandle;
  }
  d.fieldDefinitions = fields;
  d.updatedAt = isoSeconds();
}
