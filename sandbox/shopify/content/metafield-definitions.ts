import { randomUUID } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { coded } from "../admin-graphql/errors";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { isForeignAppReserved, isoSeconds, resolveAppPrefix } from "../platform/app-identity";
import { domainState, registerNode, unregisterNode, type ShopifyState } from "../state";
import { isDefinitionType, typeCategory, VALID_TYPES } from "./metafield-values";
import { metafieldOwners, removeMetafield } from "./metafields-store";
import { metafieldNode } from "./metafield-fields";
import { definitionCapabilities } from "./metafield-capabilities";
import { addSearchWarnings } from "../catalog/resolvers/shared";
import { compileSearch, type SearchSpec } from "../catalog/search/evaluate";

// metafieldDefinitionCreate / Update / Delete and QueryRoot.metafieldDefinition. Messages, codes and
// shapes: metafield-definition-create-input-validation.json, metafield-definition-lifecycle-mutations.json,
// metafield-definition-non-product-owner-types.json, metafield-definition-access-validation.json,
// metafield-definition-app-namespace-resolution.json, metafield-definition-validation-affects-values.json.
// Definitions drive metafieldsSet validation (metafield-validations.ts) and Metafield.definition.

export interface MetafieldDefinitionRecord {
  id: number;
  shop: string;
  namespace: string; // resolved ($app: → app--<id>--x)
  key: string;
  ownerType: string;
  name: string;
  description: string | null;
  type: string;
  validations: { name: string; value: string }[];
  pinnedPosition: number | null;
  /** Enabled from a Shopify template: name, description and validations are fixed. */
  standard?: boolean;
  /** Template properties the captures never showed; the node leaves them out so reads fail loudly. */
  unknown?: ("name" | "description" | "type" | "validations" | "access")[];
  access: { admin: string; storefront: string; customerAccount: string };
  createdAt: string;
  updatedAt: string;
}

export const metafieldDefinitionStore = (state: ShopifyState) => domainState(state, "metafieldDefinitions", () => new Map<number, MetafieldDefinitionRecord>());

export function findMetafieldDefinition(state: ShopifyState, shop: string, ownerType: string, namespace: string, key: string) {
  for (const d of metafieldDefinitionStore(state).values()) if (d.shop === shop && d.ownerType === ownerType && d.namespace === namespace && d.key === key) return d;
  return undefined;
}

const NAME_RE = /^[A-Za-z0-9_-]+$/;
const ACCESS_DENIED = "Access denied for {field} field. Required access: API client to have access to the namespace and the resource type associated with the metafield definition.\n";
type DefError = { field: string[] | null; message: string; code: string };

function accessDenied(field: string): never {
  const message = ACCESS_DENIED.replace("{field}", field);
  throw coded(message, "ACCESS_DENIED", { documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: message.slice(message.indexOf("API client")) });
}

/** Namespaces another app (or Shopify) reserves: the caller may not define in them. */
const reservedFor = (ctx: AdminContext, namespace: string) => namespace === "shopify" || namespace.startsWith("shopify--") || isForeignAppReserved(namespace, ctx.token.apiKey);

interface AccessInput { admin?: string | null; storefront?: string | null; customerAccount?: string | null }
function accessErrors(namespace: string, access: AccessInput | null | undefined, code: string): DefError[] {
  if (access?.admin && !namespace.startsWith("app--")) {
    return [{ field: ["definition"], message: 'Setting this access control is not permitted. It must be one of ["public_read_write"].', code }];
  }
  return [];
}

interface CreateInput {
  name: string; namespace?: string | null; key: string; ownerType: string; type: string; description?: string | null;
  validations?: { name: string; value: string }[] | null; pin?: boolean | null; access?: AccessInput | null; capabilities?: unknown;
}

export function metafieldDefinitionCreate(args: { definition: CreateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const input = args.definition;
  if (input.capabilities != null) throw notImplemented(info, "metafieldDefinitionCreate(capabilities:)");
  const namespace = resolveAppPrefix(input.namespace ?? "$app", ctx.token.apiKey);
  if (reservedFor(ctx, namespace)) accessDenied("metafieldDefinitionCreate");
  const errors: DefError[] = [];
  if (namespace.length < 3) errors.push({ field: ["definition", "namespace"], message: "Namespace is too short (minimum is 3 characters)", code: "TOO_SHORT" });
  else if (namespace.length > 255) errors.push({ field: ["definition", "namespace"], message: "Namespace is too long (maximum is 255 characters)", code: "TOO_LONG" });
  else if (!NAME_RE.test(namespace)) errors.push({ field: ["definition", "namespace"], message: "Namespace contains one or more invalid characters.", code: "INVALID_CHARACTER" });
  if (input.key.length < 2) errors.push({ field: ["definition", "key"], message: "Key is too short (minimum is 2 characters)", code: "TOO_SHORT" });
  else if (input.key.length > 64) errors.push({ field: ["definition", "key"], message: "Key is too long (maximum is 64 characters)", code: "TOO_LONG" });
  else if (!NAME_RE.test(input.key)) errors.push({ field: ["definition", "key"], message: "Key contains one or more invalid characters.", code: "INVALID_CHARACTER" });
  if (!input.name.trim()) errors.push({ field: ["definition", "name"], message: "Name can't be blank", code: "BLANK" }); // not captured; Rails wording
  else if (input.name.length > 255) errors.push({ field: ["definition", "name"], message: "Name is too long (maximum is 255 characters)", code: "TOO_LONG" });
  if (!isDefinitionType(input.type)) errors.push({ field: ["definition", "type"], message: `Type name ${input.type} is not a valid type. Valid types are: ${VALID_TYPES}.`, code: "INCLUSION" });
  const validations = input.validations ?? [];
  if (new Set(validations.map((v) => v.name)).size !== validations.length) {
    errors.push({ field: ["definition", "validations"], message: 'Validations cannot contain duplicate "name" options.', code: "DUPLICATE_OPTION" });
  } else errors.push(...validationOptionErrors(input.type, validations));
  errors.push(...accessErrors(namespace, input.access, "INVALID"));
  if (errors.length) return { createdDefinition: null, userErrors: errors };
  if (findMetafieldDefinition(ctx.state, ctx.shop.domain, input.ownerType, namespace, input.key)) {
    // Duplicates are scoped by owner type (quirks.md §3). The message names the owner's model; only
    // Product's is recorded (draft-proxy fixture metafield-definition-owner-scoped-duplicates.json).
    const model = TAKEN_OWNER_NAMES[input.ownerType];
    if (!model) throw notImplemented(info, `metafieldDefinitionCreate of an existing ${input.ownerType} definition`);
    return { createdDefinition: null, userErrors: [{ field: ["definition", "key"], message: `Key is in use for ${model} metafields on the '${namespace}' namespace.`, code: "TAKEN" }] };
  }
  // Which validation options each type accepts is only partly captured (metafield-definition-validations-input.json).
  checkValidationOptions(input.type, validations, info);

  const now = isoSeconds();
  const pinned = [...metafieldDefinitionStore(ctx.state).values()].filter((d) => d.shop === ctx.shop.domain && d.ownerType === input.ownerType && d.pinnedPosition != null);
  const record: MetafieldDefinitionRecord = {
    id: ctx.state.nextId(), shop: ctx.shop.domain, namespace, key: input.key, ownerType: input.ownerType, name: input.name,
    description: input.description ?? null, type: input.type, validations: validations.map((v) => ({ ...v })),
    pinnedPosition: input.pin ? pinned.length + 1 : null,
    access: {
      admin: input.access?.admin ?? (namespace.startsWith("app--") ? "MERCHANT_READ_WRITE" : "PUBLIC_READ_WRITE"),
      storefront: input.access?.storefront ?? "NONE",
      customerAccount: input.access?.customerAccount ?? "NONE",
    },
    createdAt: now, updatedAt: now,
  };
  metafieldDefinitionStore(ctx.state).set(record.id, record);
  registerNode(ctx.state, record.shop, { gid: gid("MetafieldDefinition", record.id), typename: "MetafieldDefinition" });
  return { createdDefinition: metafieldDefinitionNode(ctx, record), userErrors: [] };
}

const TAKEN_OWNER_NAMES: Record<string, string> = { PRODUCT: "Product" };

// Options whose acceptance per type is captured or documented; anything else fails loudly.
const KNOWN_OPTIONS: Record<string, string[]> = {
  single_line_text_field: ["min", "max", "regex", "choices"], multi_line_text_field: ["min", "max", "regex"],
  number_integer: ["min", "max"], number_decimal: ["min", "max", "max_precision"], date: ["min", "max"], date_time: ["min", "max"],
  rating: ["scale_min", "scale_max"], metaobject_reference: ["metaobject_definition_id"], mixed_reference: ["metaobject_definition_ids"],
};
const ALL_OPTIONS = new Set(Object.values(KNOWN_OPTIONS).flat());
const invalidOption = (message: string): DefError => ({ field: ["definition", "validations"], message, code: "INVALID_OPTION" });
const isInteger = (v: string) => /^-?\d+$/.test(v.trim());

/** Option errors as captured in metafield-definition-validations-input.json (scalar types only). */
function validationOptionErrors(type: string, validations: { name: string; value: string }[]): DefError[] {
  if (type.startsWith("list.")) return [];
  const errors: DefError[] = [];
  const known = type === "boolean" ? [] : KNOWN_OPTIONS[type]; // boolean takes no options (booleanUnsupportedOption)
  for (const v of validations) {
    if (known && ALL_OPTIONS.has(v.name) && !known.includes(v.name)) {
      errors.push(invalidOption(`Validations value for option ${v.name} contains an invalid value: '${v.name}' isn't supported for ${type}.`));
    } else if (type === "number_integer" && (v.name === "min" || v.name === "max") && !isInteger(v.value)) {
      errors.push(invalidOption(`Validations value for option ${v.name} must be an integer.`));
    }
  }
  const option = (name: string) => validations.find((v) => v.name === name)?.value;
  const [min, max] = [option("min"), option("max")];
  if ((type === "single_line_text_field" || type === "multi_line_text_field") && min != null && max != null && isInteger(min) && isInteger(max) && Number(min) > Number(max)) {
    errors.push(invalidOption("Validations contains an invalid value: 'min' must be less than 'max'."));
  }
  if (type === "metaobject_reference" && option("metaobject_definition_id") == null) errors.push(invalidOption("Validations require that you select a metaobject."));
  if (type === "rating") {
    if (option("scale_max") == null) errors.push(invalidOption("Validations requires 'scale_max' to be provided."));
    if (option("scale_min") == null) errors.push(invalidOption("Validations requires 'scale_min' to be provided."));
  }
  return errors;
}

function checkValidationOptions(type: string, validations: { name: string }[], info: GraphQLResolveInfo) {
  const base = type.replace(/^list\./, "");
  for (const v of validations) {
    if (type.startsWith("list.") && (v.name === "list.min" || v.name === "list.max")) continue;
    if (!KNOWN_OPTIONS[base]?.includes(v.name)) throw notImplemented(info, `metafield definition validation "${v.name}" on ${type}`);
  }
}

export function metafieldDefinitionNode(ctx: AdminContext, d: MetafieldDefinitionRecord): Record<string, unknown> {
  const node = fullNode(ctx, d);
  for (const k of d.unknown ?? []) delete node[k];
  return node;
}

function fullNode(ctx: AdminContext, d: MetafieldDefinitionRecord): Record<string, unknown> {
  return {
    __typename: "MetafieldDefinition",
    id: gid("MetafieldDefinition", d.id),
    name: d.name,
    namespace: d.namespace,
    key: d.key,
    ownerType: d.ownerType,
    type: { __typename: "MetafieldDefinitionType", name: d.type, category: typeCategory(d.type) },
    description: d.description,
    validations: d.validations.map((v) => ({ __typename: "MetafieldDefinitionValidation", ...v })),
    pinnedPosition: d.pinnedPosition,
    validationStatus: "ALL_VALID", // the twin only stores values that pass the definition
    access: { __typename: "MetafieldAccess", ...d.access },
    metafieldsCount: () => countMetafields(ctx, d),
    // The values under the definition, in id order (metafield-definitions-product-read.json).
    metafields: (args: ConnectionArgs) => connection(
      metafieldsOfDefinition(ctx, d).map((o) => o.rows.get(`${d.namespace}.${d.key}`)!).sort((a, b) => a.legacyId - b.legacyId).map((r) => metafieldNode(ctx, r)),
      args, (n) => n.id),
    // A merchant or app definition has no template (null, as captured); an enabled standard one's
    // template fields are not kept, so reading them fails loudly.
    ...(!d.standard && { capabilities: definitionCapabilities(d.ownerType, d.type), standardTemplate: null }),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

function ownerTypeOfGid(ownerGid: string): string | undefined {
  const t = /^gid:\/\/shopify\/([A-Za-z0-9]+)\//.exec(ownerGid)?.[1];
  const map: Record<string, string> = { Product: "PRODUCT", ProductVariant: "PRODUCTVARIANT", Collection: "COLLECTION", Customer: "CUSTOMER", Order: "ORDER", Company: "COMPANY", Shop: "SHOP", Page: "PAGE", Article: "ARTICLE", Blog: "BLOG", Location: "LOCATION", Market: "MARKET" };
  return t ? map[t] : undefined;
}

function metafieldsOfDefinition(ctx: AdminContext, d: MetafieldDefinitionRecord) {
  return [...metafieldOwners(ctx.state, d.shop)]
    .filter(([ownerGid, rows]) => ownerTypeOfGid(ownerGid) === d.ownerType && rows.has(`${d.namespace}.${d.key}`))
    .map(([ownerGid, rows]) => ({ ownerGid, rows }));
}

const countMetafields = (ctx: AdminContext, d: MetafieldDefinitionRecord) => metafieldsOfDefinition(ctx, d).length;

interface IdentifierInput { ownerType: string; namespace?: string | null; key: string }

function byIdentifier(ctx: AdminContext, identifier: IdentifierInput) {
  const namespace = resolveAppPrefix(identifier.namespace ?? "$app", ctx.token.apiKey);
  return findMetafieldDefinition(ctx.state, ctx.shop.domain, identifier.ownerType, namespace, identifier.key);
}

function byId(ctx: AdminContext, id: string | null | undefined) {
  const d = metafieldDefinitionStore(ctx.state).get(Number(/^gid:\/\/shopify\/MetafieldDefinition\/(\d+)$/.exec(id ?? "")?.[1]));
  return d && d.shop === ctx.shop.domain ? d : undefined;
}

export function metafieldDefinition(args: { id?: string | null; identifier?: IdentifierInput | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.identifier) {
    const namespace = resolveAppPrefix(args.identifier.namespace ?? "$app", ctx.token.apiKey);
    const d = byIdentifier(ctx, args.identifier);
    // Shopify's own namespace: definitions the shop may already have are not modelled.
    if (!d && namespace === "shopify") throw notImplemented(info, "metafieldDefinition of a Shopify standard namespace");
    return d ? metafieldDefinitionNode(ctx, d) : null;
  }
  const d = byId(ctx, args.id);
  return d ? metafieldDefinitionNode(ctx, d) : null;
}

interface UpdateInput {
  namespace?: string | null; key: string; ownerType: string; name?: string | null; description?: string | null;
  validations?: { name: string; value: string }[] | null; pin?: boolean | null; access?: AccessInput | null; capabilities?: unknown;
}

export function metafieldDefinitionUpdate(args: { definition: UpdateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const input = args.definition;
  if (input.capabilities != null) throw notImplemented(info, "metafieldDefinitionUpdate(capabilities:)");
  if (input.pin != null) throw notImplemented(info, "metafieldDefinitionUpdate(pin:)");
  const namespace = resolveAppPrefix(input.namespace ?? "$app", ctx.token.apiKey);
  if (reservedFor(ctx, namespace)) accessDenied("metafieldDefinitionUpdate");
  const d = findMetafieldDefinition(ctx.state, ctx.shop.domain, input.ownerType, namespace, input.key);
  const errors = accessErrors(namespace, input.access, "INVALID_INPUT");
  if (errors.length) return { updatedDefinition: null, validationJob: null, userErrors: errors };
  // The identifier (owner type, namespace, key) names no definition: NOT_FOUND, also when it differs
  // from an existing one only by key or owner type (draft-proxy fixture
  // 2026-04/metafields/metafield-definition-update-delete-preconditions.json).
  if (!d) return { updatedDefinition: null, validationJob: null, userErrors: [{ field: ["definition"], message: "Definition not found.", code: "NOT_FOUND" }] };
  if (d.standard) {
    // metafield-definition-protected-guards.json (standard.immutableUpdate): every fixed property changed is reported.
    const fixed: DefError[] = [];
    if (input.name != null && input.name !== d.name) fixed.push({ field: ["definition", "name"], message: "Name cannot be changed in a standard definition.", code: "INVALID_INPUT" });
    if (input.description != null && input.description !== d.description) fixed.push({ field: ["definition", "description"], message: "Description cannot be changed in a standard definition.", code: "INVALID_INPUT" });
    if (input.validations != null && JSON.stringify(input.validations) !== JSON.stringify(d.validations)) {
      fixed.push({ field: ["definition", "validations"], message: "Validations cannot be changed in a standard definition.", code: "INVALID_INPUT" });
    }
    if (fixed.length) return { updatedDefinition: null, validationJob: null, userErrors: fixed };
    if (d.unknown?.length) throw notImplemented(info, "metafieldDefinitionUpdate of a partly known standard definition");
  }
  if (input.name != null && input.name.length > 255) {
    return { updatedDefinition: null, validationJob: null, userErrors: [{ field: ["definition", "name"], message: "Name is too long (maximum is 255 characters)", code: "TOO_LONG" }] };
  }
  let validationJob: Record<string, unknown> | null = null;
  if (input.validations != null) {
    // metafield-definition-validations-input.json (updateMetaobjectReference).
    const before = d.validations.find((v) => v.name === "metaobject_definition_id")?.value;
    const after = input.validations.find((v) => v.name === "metaobject_definition_id")?.value;
    if (d.type.replace(/^list\./, "") === "metaobject_reference" && before != null && after != null && after !== before) {
      return { updatedDefinition: null, validationJob: null, userErrors: [{ field: ["definition", "validations"], message: "Validations must not change the existing metaobject definition value", code: "METAOBJECT_DEFINITION_CHANGED" }] };
    }
    checkValidationOptions(d.type, input.validations, info);
    d.validations = input.validations.map((v) => ({ ...v }));
    // A validations change starts a re-validation job (metafield-definition-validation-affects-values.json).
    validationJob = { __typename: "Job", id: `gid://shopify/Job/${randomUUID()}`, done: false, query: null };
  }
  if (input.name != null) d.name = input.name;
  if (input.description !== undefined) d.description = input.description ?? null;
  if (input.access?.storefront) d.access.storefront = input.access.storefront;
  if (input.access?.customerAccount) d.access.customerAccount = input.access.customerAccount;
  if (input.access?.admin) d.access.admin = input.access.admin;
  d.updatedAt = isoSeconds();
  return { updatedDefinition: metafieldDefinitionNode(ctx, d), validationJob, userErrors: [] };
}

export function metafieldDefinitionDelete(args: { id?: string | null; identifier?: IdentifierInput | null; deleteAllAssociatedMetafields?: boolean | null }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const d = args.identifier ? byIdentifier(ctx, args.identifier) : byId(ctx, args.id);
  if (args.identifier && reservedFor(ctx, resolveAppPrefix(args.identifier.namespace ?? "$app", ctx.token.apiKey))) accessDenied("metafieldDefinitionDelete");
  if (!d) throw notImplemented(info, "metafieldDefinitionDelete of a missing definition"); // not captured
  const rows = metafieldsOfDefinition(ctx, d);
  if (!args.deleteAllAssociatedMetafields && d.namespace.startsWith("app--")) {
    // metafield-definition-protected-guards.json (appReserved.deleteNoFlag); captured even with one value present.
    return { deletedDefinitionId: null, deletedDefinition: null, userErrors: [{ field: null, message: "Deleting a definition in a reserved namespace must have deleteAllAssociatedMetafields set to true.", code: "RESERVED_NAMESPACE_ORPHANED_METAFIELDS" }] };
  }
  // Without the flag (or with false) a merchant definition is deleted and its values stay, now
  // without a definition (draft-proxy fixture 2026-04/metafields/metafield-definition-update-delete-preconditions.json).
  if (args.deleteAllAssociatedMetafields) for (const r of rows) removeMetafield(ctx.state, d.shop, r.ownerGid, d.namespace, d.key);
  metafieldDefinitionStore(ctx.state).delete(d.id);
  unregisterNode(ctx.state, d.shop, gid("MetafieldDefinition", d.id));
  return {
    deletedDefinitionId: gid("MetafieldDefinition", d.id),
    deletedDefinition: { __typename: "MetafieldDefinitionIdentifier", ownerType: d.ownerType, namespace: d.namespace, key: d.key },
    userErrors: [],
  };
}

/** The definition a metafield row falls under, if any (for metafieldsSet validation and Metafield.definition). */
export function definitionForMetafield(ctx: AdminContext, ownerGid: string, namespace: string, key: string) {
  const ownerType = ownerTypeOfGid(ownerGid);
  return ownerType ? findMetafieldDefinition(ctx.state, ctx.shop.domain, ownerType, namespace, key) : undefined;
}


interface ListArgs extends ConnectionArgs {
  ownerType: string; namespace?: string | null; key?: string | null; query?: string | null; sortKey?: string | null;
  pinnedStatus?: string | null; constraintSubtype?: unknown; constraintStatus?: string | null; reverse?: boolean | null;
}

// QueryRoot.metafieldDefinitions filtered by owner type, namespace, key, pinned status and the
// documented search filters (metafield-definition-lifecycle-mutations.json,
// metafield-definition-app-namespace-resolution.json, metafield-definitions-product-read.json).
// PINNED_POSITION lists the highest pinned position first, then the unpinned definitions
// (metafield-definitions-product-read.json: positions 2, 1, then an unpinned one); NAME sorts
// case-insensitively (its cursor carries the lowercased name). Constraint filters, free-text search
// and RELEVANCE are not modelled and fail loudly.
export function metafieldDefinitions(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  for (const unsupported of ["constraintSubtype", "constraintStatus"] as const) {
    if (args[unsupported] != null) throw notImplemented(info, `metafieldDefinitions(${unsupported}:)`);
  }
  const search = compileSearch(args.query, DEFINITION_SEARCH, info);
  if (search.freeTextTerms.length) throw notImplemented(info, "metafieldDefinitions free-text search");
  addSearchWarnings(ctx, search.warnings);
  const namespace = args.namespace == null ? undefined : resolveAppPrefix(args.namespace, ctx.token.apiKey);
  const pinned = args.pinnedStatus ?? "ANY";
  let rows = [...metafieldDefinitionStore(ctx.state).values()]
    .filter((d) => d.shop === ctx.shop.domain && d.ownerType === args.ownerType && (namespace === undefined || d.namespace === namespace) && (args.key == null || d.key === args.key))
    .filter((d) => pinned === "ANY" || (pinned === "PINNED") === (d.pinnedPosition != null))
    .filter(search.test)
    .sort((a, b) => a.id - b.id);
  const sortKey = args.sortKey ?? "ID";
  if (sortKey === "NAME") rows.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id);
  else if (sortKey === "PINNED_POSITION") rows.sort((a, b) => (b.pinnedPosition ?? 0) - (a.pinnedPosition ?? 0) || a.id - b.id);
  else if (sortKey !== "ID") throw notImplemented(info, `metafieldDefinitions(sortKey: ${sortKey})`);
  if (args.reverse) rows = rows.reverse();
  return connection(rows.map((d) => metafieldDefinitionNode(ctx, d)), args, (n) => n.id as string);
}

// The filters the schema documents for metafieldDefinitions(query:).
const DEFINITION_SEARCH: SearchSpec<MetafieldDefinitionRecord> = {
  freeText: (d) => [d.name],
  filters: {
    id: { kind: "number", get: (d) => [d.id] },
    key: { kind: "keyword", get: (d) => [d.key] },
    namespace: { kind: "keyword", get: (d) => [d.namespace] },
    owner_type: { kind: "keyword", get: (d) => [d.ownerType] },
    type: { kind: "keyword", get: (d) => [d.type] },
    created_at: { kind: "time", get: (d) => [d.createdAt] },
    updated_at: { kind: "time", get: (d) => [d.updatedAt] },
  },
};
