import { gid, type AdminContext } from "../admin-graphql/context";
import { registerNode, unregisterNode } from "../state";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { isForeignAppReserved, isoSeconds, resolveAppPrefix } from "../platform/app-identity";
import { isDefinitionType, typeCategory, VALID_TYPES } from "./metafield-values";
import { definitionByType, deleteObject, metaobjectStore, objectsOfType, type MetaobjectDefinitionRecord } from "./metaobjects-store";
import { metaobjectNode } from "./metaobjects";
import { standardTemplate } from "./metaobject-standard";
import type { GraphQLResolveInfo } from "graphql";
import { appNode } from "../platform/app-listing";
import { installationNode } from "../admin-graphql/resolvers/app-installation";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";

// metaobjectDefinitionCreate / metaobjectDefinition / metaobjectDefinitionByType / metaobjectDefinitions.
// Messages and codes: metaobject-definition-create-validation.json, definition-create-field-validations.json,
// definition-name-type-description-length.json, metaobjectDefinition-field-key-min-length.json,
// metaobject-definition-limit-caps.json.

export const MAX_DEFINITIONS = 128;
export const MAX_FIELDS = 40;
export const MAX_ADMIN_FILTERABLE = 40;

export interface MetaobjectUserError { field: string[] | null; message: string; code: string; elementKey: string | null; elementIndex: number | null }
export const moError = (field: string[] | null, message: string, code: string, elementKey: string | null = null, elementIndex: number | null = null): MetaobjectUserError =>
  ({ field, message, code, elementKey, elementIndex });

interface FieldInput {
  key: string; type: string; name?: string | null; description?: string | null; required?: boolean | null; validations?: { name: string; value: string }[] | null;
  capabilities?: { adminFilterable?: { enabled: boolean } | null } | null;
}
interface DefinitionInput {
  type: string; name?: string | null; description?: string | null; displayNameKey?: string | null; fieldDefinitions?: FieldInput[] | null;
  access?: { admin?: string | null; storefront?: string | null; customerAccount?: string | null } | null;
  capabilities?: Record<string, { enabled: boolean; data?: { urlHandle?: string; createRedirects?: boolean | null } } | null> | null;
}

/** `$app:x` → `app--<id>--x`, lowercased as Shopify stores types. */
export const resolveType = (ctx: AdminContext, type: string) => resolveAppPrefix(type, ctx.token.apiKey).toLowerCase();

export function metaobjectDefinitionCreate(args: { definition: DefinitionInput }, ctx: AdminContext) {
  const input = args.definition;
  const errors = validateDefinition(ctx, input);
  if (errors.length) return { metaobjectDefinition: null, userErrors: errors };
  const type = resolveType(ctx, input.type);
  const isAppType = type.startsWith("app--");
  const now = isoSeconds();
  const caps = input.capabilities ?? {};
  const record: MetaobjectDefinitionRecord = {
    id: ctx.state.nextId(),
    shop: ctx.shop.domain,
    type,
    ownerApiKey: isAppType ? ctx.token.apiKey : null,
    creatorApiKey: ctx.token.apiKey,
    name: input.name!,
    description: input.description ?? null,
    displayNameKey: input.displayNameKey ?? null,
    access: {
      // Merchant types are open to every app; an app's own type defaults to merchant read-write.
      admin: input.access?.admin ?? (isAppType ? "MERCHANT_READ_WRITE" : "PUBLIC_READ_WRITE"),
      storefront: input.access?.storefront ?? "NONE",
      customerAccount: input.access?.customerAccount ?? "NONE",
    },
    capabilities: {
      publishable: !!caps.publishable?.enabled,
      translatable: !!caps.translatable?.enabled,
      renderable: !!caps.renderable?.enabled,
      onlineStore: !!caps.onlineStore?.enabled,
      urlHandle: caps.onlineStore?.data?.urlHandle ?? null,
    },
    fieldDefinitions: (input.fieldDefinitions ?? []).map((f) => ({
      key: f.key, name: f.name ?? f.key, description: f.description ?? null, required: !!f.required, type: f.type, validations: f.validations ?? [],
      adminFilterable: !!f.capabilities?.adminFilterable?.enabled,
    })),
    createdAt: now,
    updatedAt: now,
  };
  metaobjectStore(ctx.state).definitions.set(record.id, record);
  registerNode(ctx.state, record.shop, { gid: gid("MetaobjectDefinition", record.id), typename: "MetaobjectDefinition" });
  return { metaobjectDefinition: definitionNode(ctx, record), userErrors: [] };
}

function validateDefinition(ctx: AdminContext, input: DefinitionInput): MetaobjectUserError[] {
  const errors: MetaobjectUserError[] = [];
  const type = resolveType(ctx, input.type);
  if (type.startsWith("shopify--") || isForeignAppReserved(type, ctx.token.apiKey)) {
    return [moError(["definition"], "Not authorized. This type is reserved for use by another application.", "NOT_AUTHORIZED")];
  }
  const ownPart = input.type.startsWith("$app:") ? input.type.slice(5) : input.type;
  if (type.length < 3) errors.push(moError(["definition", "type"], "Type is too short (minimum is 3 characters)", "TOO_SHORT"));
  else if (type.length > 255) errors.push(moError(["definition", "type"], "Type is too long (maximum is 255 characters)", "TOO_LONG"));
  else if (!/^[A-Za-z0-9_-]+$/.test(ownPart)) {
    errors.push(moError(["definition", "type"], "Type contains one or more invalid characters. Only alphanumeric characters, underscores, and dashes are allowed.", "INVALID"));
  }
  if (!input.name?.trim()) errors.push(moError(["definition", "name"], "Name can't be blank", "BLANK"));
  else if (input.name.length > 255) errors.push(moError(["definition", "name"], "Name is too long (maximum is 255 characters)", "TOO_LONG"));
  if (input.description && input.description.length > 255) errors.push(moError(["definition", "description"], "Description is too long (maximum is 255 characters)", "TOO_LONG"));
  if (input.access?.admin && !type.startsWith("app--")) {
    errors.push(moError(["definition", "access", "admin"], "Admin access can only be specified on metaobject definitions that have an app-reserved type.", "ADMIN_ACCESS_INPUT_NOT_ALLOWED"));
  }
  const fields = input.fieldDefinitions ?? [];
  if (fields.length > MAX_FIELDS) errors.push(moError(["definition", "fieldDefinitions"], `Maximum ${MAX_FIELDS} fields per metaobject definition`, "INVALID"));
  if (fields.filter((f) => f.capabilities?.adminFilterable?.enabled).length > MAX_ADMIN_FILTERABLE) {
    errors.push(moError(["definition", "fieldDefinitions"], `Maximum ${MAX_ADMIN_FILTERABLE} admin filterable fields per metaobject definition`, "INVALID"));
  }
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = ["definition", "fieldDefinitions", String(i)];
    // Each key rule reports on its own: "" is blank, too short and invalid at once (metaobjectDefinition-field-key-min-length).
    if (!f.key) errors.push(moError(at, "Key can't be blank", "BLANK", f.key));
    if (f.key.length < 2) errors.push(moError(at, "Key is too short (minimum is 2 characters)", "TOO_SHORT", f.key));
    if (f.key.length > 64) errors.push(moError(at, "Key is too long (maximum is 64 characters)", "TOO_LONG", f.key));
    if (!/^[A-Za-z0-9_-]+$/.test(f.key)) errors.push(moError(at, "Key contains one or more invalid characters.", "INVALID", f.key));
    if (f.key === "handle" || f.key === "id") errors.push(moError(at, `The name "${f.key}" is reserved for system use`, "RESERVED_NAME", f.key));
    if (seen.has(f.key)) errors.push(moError(at, `Field "${f.key}" duplicates other inputs`, "DUPLICATE_FIELD_INPUT", f.key));
    seen.add(f.key);
    if (f.type.replace(/^list\./, "") === "disclosure_reference") {
      errors.push(moError(at, "The disclosure_reference type can only be used in standard definitions provided by Shopify.", "INVALID", f.key));
    } else if (!isDefinitionType(f.type)) {
      errors.push(moError(at, `Type name ${f.type} is not a valid type. Valid types are: ${VALID_TYPES}.`, "INCLUSION", f.key));
    }
  });
  if (input.displayNameKey && !fields.some((f) => f.key === input.displayNameKey)) {
    errors.push(moError(["definition", "displayNameKey"], `Field definition "${input.displayNameKey}" does not exist`, "UNDEFINED_OBJECT_FIELD"));
  }
  if (errors.length) return errors;
  if (definitionByType(ctx.state, ctx.shop.domain, type)) return [moError(["definition", "type"], "Type has already been taken", "TAKEN")];
  // Standard (shopify--) definitions do not count towards the cap: metaobject-definition-limit-caps.json
  // observed 6 definitions, 2 of them standard, and 124 accepted creates before the limit of 128.
  const count = [...metaobjectStore(ctx.state).definitions.values()].filter((d) => d.shop === ctx.shop.domain && !d.type.startsWith("app--") && !d.type.startsWith("shopify--")).length;
  if (!type.startsWith("app--") && count >= MAX_DEFINITIONS) {
    return [moError(["definition"], `Total definition count exceeds the limit of ${MAX_DEFINITIONS}`, "MAX_DEFINITIONS_EXCEEDED")];
  }
  return [];
}

export function fieldDefinitionNode(f: MetaobjectDefinitionRecord["fieldDefinitions"][number]) {
  return {
    __typename: "MetaobjectFieldDefinition",
    key: f.key,
    name: f.name,
    description: f.description,
    required: f.required,
    type: { __typename: "MetafieldDefinitionType", name: f.type, category: typeCategory(f.type) },
    validations: f.validations.map((v) => ({ __typename: "MetafieldDefinitionValidation", ...v })),
    capabilities: {
      __typename: "MetaobjectFieldDefinitionCapabilities",
      adminFilterable: { __typename: "MetaobjectFieldCapabilityAdminFilterable", enabled: f.adminFilterable },
    },
  };
}

export function definitionNode(ctx: AdminContext, d: MetaobjectDefinitionRecord): Record<string, unknown> {
  return {
    __typename: "MetaobjectDefinition",
    id: gid("MetaobjectDefinition", d.id),
    type: d.type,
    name: d.name,
    description: d.description,
    displayNameKey: d.displayNameKey,
    access: { __typename: "MetaobjectAccess", ...d.access },
    // canCreateRedirects: true whether or not createRedirects was sent (metaobject-online-store-template-suffix,
    // metaobjectDefinitionUpdate-url-handle-redirect).
    capabilities: {
      __typename: "MetaobjectCapabilities",
      publishable: { __typename: "MetaobjectCapabilitiesPublishable", enabled: d.capabilities.publishable },
      translatable: { __typename: "MetaobjectCapabilitiesTranslatable", enabled: d.capabilities.translatable },
      renderable: { __typename: "MetaobjectCapabilitiesRenderable", enabled: d.capabilities.renderable, data: null },
      onlineStore: {
        __typename: "MetaobjectCapabilitiesOnlineStore",
        enabled: d.capabilities.onlineStore,
        data: d.capabilities.onlineStore ? { __typename: "MetaobjectCapabilityDefinitionDataOnlineStore", urlHandle: d.capabilities.urlHandle, canCreateRedirects: true } : null,
      },
    },
    fieldDefinitions: d.fieldDefinitions.map(fieldDefinitionNode),
    hasThumbnailField: standardTemplate(d.type)?.hasThumbnailField ?? d.fieldDefinitions.some((f) => f.type === "file_reference" || f.type === "color"),
    metaobjectsCount: () => objectsOfType(ctx.state, d.shop, d.type).length,
    metaobjects: (args: ConnectionArgs) => connection(objectsOfType(ctx.state, d.shop, d.type).map((o) => metaobjectNode(ctx, o)), args, (o) => o.id as string),
    standardTemplate: (() => {
      const t = standardTemplate(d.type);
      // Only type and name are captured; the template's other fields fail loudly.
      return t ? { __typename: "StandardMetaobjectDefinitionTemplate", type: t.type, name: t.name } : null;
    })(),
    createdByApp: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => createdByApp(ctx, d, info),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

// The app that created the definition (metaobject-definition-lifecycle-invariants.json shows the
// recording app on definitions it made). The twin knows only the calling app's listing: a
// definition another app made answers loudly.
function createdByApp(ctx: AdminContext, d: MetaobjectDefinitionRecord, info: GraphQLResolveInfo) {
  if (d.creatorApiKey && d.creatorApiKey === ctx.token.apiKey) return appNode(ctx, () => installationNode(ctx));
  throw notImplemented(info, "MetaobjectDefinition.createdByApp of a definition another app created");
}

export function metaobjectDefinitionByType(args: { type: string }, ctx: AdminContext) {
  const d = definitionByType(ctx.state, ctx.shop.domain, resolveType(ctx, args.type));
  return d ? definitionNode(ctx, d) : null;
}

export function metaobjectDefinition(args: { id: string }, ctx: AdminContext) {
  const d = metaobjectStore(ctx.state).definitions.get(Number(/^gid:\/\/shopify\/MetaobjectDefinition\/(\d+)$/.exec(args.id)?.[1]));
  return d && d.shop === ctx.shop.domain ? definitionNode(ctx, d) : null;
}

export function metaobjectDefinitions(args: ConnectionArgs, ctx: AdminContext) {
  const rows = [...metaobjectStore(ctx.state).definitions.values()].filter((d) => d.shop === ctx.shop.domain);
  return connection(rows.map((d) => definitionNode(ctx, d)), args, (d) => d.id as string);
}

// Deleting a definition deletes its entries too (metaobject-definition-delete-cascade.json: later
// metaobjectDelete of the entries answers RECORD_NOT_FOUND). Unknown ids: metaobject-definition-lifecycle-invariants.
export function metaobjectDefinitionDelete(args: { id: string }, ctx: AdminContext) {
  const store = metaobjectStore(ctx.state);
  const d = store.definitions.get(Number(/^gid:\/\/shopify\/MetaobjectDefinition\/(\d+)$/.exec(args.id)?.[1]));
  if (!d || d.shop !== ctx.shop.domain || (d.ownerApiKey && d.ownerApiKey !== ctx.token.apiKey)) {
    return { deletedId: null, userErrors: [moError(["id"], "Record not found", "RECORD_NOT_FOUND")] };
  }
  for (const o of objectsOfType(ctx.state, d.shop, d.type)) deleteObject(ctx.state, o);
  store.definitions.delete(d.id);
  unregisterNode(ctx.state, d.shop, gid("MetaobjectDefinition", d.id));
  return { deletedId: gid("MetaobjectDefinition", d.id), userErrors: [] };
}
