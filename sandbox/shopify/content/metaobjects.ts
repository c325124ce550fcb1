import { randomBytes, randomUUID } from "node:crypto";
import { GraphQLError, Kind, type ASTNode, type GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { addSearchWarnings } from "../catalog/resolvers/shared";
import { timeRange, wordMatch, type SearchWarning } from "../catalog/search/evaluate";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { isoSeconds } from "../platform/app-identity";
import { checkValue } from "./metafield-values";
import { checkValidations } from "./metafield-validations";
import { valueCheck } from "./metafields";
import { definitionNode, fieldDefinitionNode, moError, resolveType, type MetaobjectUserError } from "./metaobject-definitions";
import { referencedBy, referenceFields } from "./references";
import { linkedOptionSiblingNames } from "../catalog/resolvers/product-options";
import { definitionByType, deleteObject, metaobjectStore, objectsOfType, recordUrlRedirect, saveObject, type MetaobjectDefinitionRecord, type MetaobjectRecord } from "./metaobjects-store";

// Metaobject entries: metaobjectUpsert (handle-based create-or-update), metaobjectCreate, metaobject,
// metaobjectByHandle, metaobjects, metaobjectDelete. Evidence: metaobject-upsert-recovery-and-prefixes.json,
// metaobject_handle_validation.json, metaobject-capability-not-enabled.json, metaobject-field-validation-matrix.json,
// metaobject-delete-not-found.json.

const HANDLE_MAX = 255;
const HANDLE_RE = /^[a-z0-9_-]+$/i;

interface FieldInput { key: string; value: string }
interface Capabilities { publishable?: { status: "DRAFT" | "ACTIVE" } | null; onlineStore?: { templateSuffix?: string | null } | null }
interface UpsertInput { handle?: string | null; fields?: FieldInput[] | null; capabilities?: Capabilities | null }

export function metaobjectUpsert(args: { handle: { type: string; handle: string }; metaobject?: UpsertInput | null; values?: unknown }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.values != null) throw notImplemented(info, "metaobjectUpsert(values:)");
  const input = args.metaobject ?? {};
  const def = definitionByType(ctx.state, ctx.shop.domain, resolveType(ctx, args.handle.type));
  if (!def) return failure([moError(["handle", "type"], `No metaobject definition exists for type "${args.handle.type}"`, "UNDEFINED_OBJECT_TYPE")]);
  const denied = writeDenied(ctx, def);
  if (denied) return failure([denied]);
  const handleErrors = handleProblems(args.handle.handle, ["handle", "handle"], { allowBlank: true });
  if (handleErrors.length) return failure(handleErrors);

  const wanted = args.handle.handle.toLowerCase();
  const existing = wanted ? objectsOfType(ctx.state, ctx.shop.domain, def.type).find((o) => o.handle === wanted) : undefined;
  return existing ? update(ctx, def, existing, input, info) : create(ctx, def, { ...input, handle: input.handle ?? args.handle.handle }, "update", info);
}

interface UpdateInput extends UpsertInput { redirectNewHandle?: boolean | null; values?: unknown }

// metaobjectUpdate: metaobject-update-error-codes.json, metaobject_handle_validation.json,
// metaobject-field-validation-matrix.json, metaobject-schema-change-lifecycle.json.
export function metaobjectUpdate(args: { id: string; metaobject: UpdateInput }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.metaobject.values != null) throw notImplemented(info, "metaobjectUpdate(values:)");
  const o = metaobjectStore(ctx.state).objects.get(Number(/^gid:\/\/shopify\/Metaobject\/(\d+)$/.exec(args.id)?.[1]));
  const def = o && o.shop === ctx.shop.domain ? definitionByType(ctx.state, o.shop, o.type) : undefined;
  if (!o || !def || (def.ownerApiKey && def.ownerApiKey !== ctx.token.apiKey)) return failure([moError(["id"], "Record not found", "RECORD_NOT_FOUND")]);
  const oldHandle = o.handle;
  const result = update(ctx, def, o, args.metaobject, info);
  // A renamed entry of an online-store definition gets a URL redirect from its old page to the new
  // one when asked (metaobject-update-redirect-new-handle.json); not without redirectNewHandle, nor
  // for a definition without the online-store capability. Kept for a URL-redirect surface; the
  // twin does not serve urlRedirects (outside its scope).
  if (args.metaobject.redirectNewHandle && def.capabilities.onlineStore && def.capabilities.urlHandle && !result.userErrors.length && o.handle !== oldHandle) {
    const base = `/pages/${def.capabilities.urlHandle}`;
    recordUrlRedirect(ctx.state, { shop: o.shop, path: `${base}/${oldHandle}`, target: `${base}/${o.handle}` });
  }
  return result;
}

export function metaobjectCreate(args: { metaobject: UpsertInput & { type: string } }, ctx: AdminContext, info?: GraphQLResolveInfo) {
  const def = definitionByType(ctx.state, ctx.shop.domain, resolveType(ctx, args.metaobject.type));
  if (!def) return failure([moError(["metaobject", "type"], `No metaobject definition exists for type "${args.metaobject.type}"`, "UNDEFINED_OBJECT_TYPE")]);
  const denied = writeDenied(ctx, def);
  if (denied) return failure([denied]);
  return create(ctx, def, args.metaobject, "create", info);
}

const failure = (userErrors: MetaobjectUserError[]) => ({ metaobject: null, userErrors });

function writeDenied(ctx: AdminContext, def: MetaobjectDefinitionRecord): MetaobjectUserError | undefined {
  if (def.ownerApiKey && def.ownerApiKey !== ctx.token.apiKey) return moError(["handle", "type"], "Not authorized. This type is reserved for use by another application.", "NOT_AUTHORIZED");
  return undefined;
}

function handleProblems(handle: string | null | undefined, field: string[], { allowBlank }: { allowBlank: boolean }): MetaobjectUserError[] {
  if (handle == null) return [];
  if (handle === "") return allowBlank ? [] : [moError(field, "Handle can't be blank", "BLANK"), moError(field, "Handle is invalid", "INVALID")];
  if (handle.length > HANDLE_MAX) return [moError(field, `Handle is too long (maximum is ${HANDLE_MAX} characters)`, "TOO_LONG")];
  if (!HANDLE_RE.test(handle)) return [moError(field, "Handle is invalid", "INVALID")];
  return [];
}

function capabilityErrors(def: MetaobjectDefinitionRecord, caps: Capabilities | null | undefined): MetaobjectUserError[] {
  const errors: MetaobjectUserError[] = [];
  if (caps?.publishable && !def.capabilities.publishable) errors.push(moError(["metaobject", "capabilities", "publishable"], "Capability is not enabled: publishable", "CAPABILITY_NOT_ENABLED"));
  if (caps?.onlineStore && !def.capabilities.onlineStore) errors.push(moError(["metaobject", "capabilities", "onlineStore"], "Capability is not enabled: online_store", "CAPABILITY_NOT_ENABLED"));
  return errors;
}

/** `validations` lookups: the definition gid of the metaobject a reference points to. */
export function metaobjectDefinitionIdOf(ctx: AdminContext, ref: string): string | undefined {
  const o = metaobjectStore(ctx.state).objects.get(Number(/^gid:\/\/shopify\/Metaobject\/(\d+)$/.exec(ref)?.[1]));
  const d = o && o.shop === ctx.shop.domain ? definitionByType(ctx.state, o.shop, o.type) : undefined;
  return d ? gid("MetaobjectDefinition", d.id) : undefined;
}

/** Validates field inputs against the definition; returns normalized values or userErrors. */
function checkFields(ctx: AdminContext, def: MetaobjectDefinitionRecord, fields: FieldInput[], mode: "create" | "update", info?: GraphQLResolveInfo, selfId?: number) {
  const errors: MetaobjectUserError[] = [];
  const values = new Map<string, { value: string; jsonValue: unknown; raw?: string }>();
  const seen = new Set<string>();
  const repeatedRequired: MetaobjectUserError[] = [];
  fields.forEach((f, i) => {
    const at = ["metaobject", "fields", String(i)];
    const fd = def.fieldDefinitions.find((d) => d.key === f.key);
    if (!fd) return void errors.push(moError(at, `Field definition "${f.key}" does not exist`, "UNDEFINED_OBJECT_FIELD", f.key));
    if (seen.has(f.key)) {
      errors.push(moError(at, `Field "${f.key}" duplicates other inputs`, "DUPLICATE_FIELD_INPUT", f.key));
      // A repeated required field is also reported blank at the repeat (metaobject-update-error-codes duplicateFieldInput).
      if (fd.required) repeatedRequired.push(moError(at, `${fd.name} can't be blank`, "OBJECT_FIELD_REQUIRED", f.key));
      return;
    }
    seen.add(f.key);
    if (f.value === "") return void values.set(f.key, { value: "", jsonValue: null }); // clears the field
    const r = checkValue(fd.type, f.value, { ...valueCheck(ctx, "metaobject"), coerceBoolean: mode === "create" });
    if (!r.ok && "unsupported" in r) throw info ? notImplemented(info, `metaobject fields of type ${r.unsupported}`) : new Error(`unsupported type ${r.unsupported}`);
    if (!r.ok) return void errors.push(moError(at, r.message, "INVALID_VALUE", f.key, r.elementIndex));
    // An "id" field is unique among the definition's entries; Shopify's error for a repeat was not captured.
    if (fd.type === "id" && objectsOfType(ctx.state, ctx.shop.domain, def.type).some((o) => o.id !== selfId && o.fields.get(f.key)?.value === r.value)) {
      throw info ? notImplemented(info, "a repeated metaobject id field value") : new Error("repeated metaobject id field value");
    }
    const problem = checkValidations(fd.type, r.jsonValue, fd.validations, { metaobjectDefinitionIdOf: (id) => metaobjectDefinitionIdOf(ctx, id) }, true);
    if (problem) return void errors.push(moError(at, problem.message, "INVALID_VALUE", f.key, problem.elementIndex));
    values.set(f.key, { value: r.value, jsonValue: r.jsonValue, raw: f.value });
  });
  errors.push(...repeatedRequired);
  return { errors, values };
}

function requiredErrors(def: MetaobjectDefinitionRecord, fields: Map<string, { value: string }>): MetaobjectUserError[] {
  return def.fieldDefinitions
    .filter((fd) => fd.required && !fields.get(fd.key)?.value)
    .map((fd) => moError(["metaobject"], `${fd.name} can't be blank`, "OBJECT_FIELD_REQUIRED", fd.key));
}

function create(ctx: AdminContext, def: MetaobjectDefinitionRecord, input: UpsertInput, mode: "create" | "update" = "update", info?: GraphQLResolveInfo) {
  const handleErrors = handleProblems(input.handle, ["metaobject", "handle"], { allowBlank: true });
  if (handleErrors.length) return failure(handleErrors);
  const capErrors = capabilityErrors(def, input.capabilities);
  if (capErrors.length) return failure(capErrors);
  const { errors, values } = checkFields(ctx, def, input.fields ?? [], mode, info); // upsert-created entries: no coercion evidence, strict
  if (errors.length) return failure(errors);
  const missing = requiredErrors(def, values);
  if (missing.length) return failure(missing);

  const taken = new Set(objectsOfType(ctx.state, ctx.shop.domain, def.type).map((o) => o.handle));
  let handle = input.handle?.toLowerCase() ?? "";
  // Without a display-name field the entry is named after the handle as typed ("MyHandle" → "My Handle"),
  // or "<definition name> #<SUFFIX>" for a generated one (metaobject-auto-handle-generation.json).
  let fallbackName: string | undefined = input.handle ? titleize(input.handle) : undefined;
  if (handle && taken.has(handle)) {
    // metaobjectCreate suffixes a taken handle ("myhandle" → "myhandle-1", same capture); the upsert path
    // cannot reach here with its own lookup handle, only with a different metaobject.handle.
    if (mode !== "create") return failure([moError(["metaobject", "handle"], "Handle has already been taken", "TAKEN")]);
    handle = uniqueHandle(handle, taken);
    fallbackName = titleize(handle);
  }
  if (!handle) {
    const generated = generatedHandle(def, values);
    handle = uniqueHandle(generated.handle, taken);
    fallbackName = generated.suffix ? `${def.name} #${generated.suffix.toUpperCase()}` : undefined;
  }
  const now = isoSeconds();
  const record: MetaobjectRecord = {
    id: ctx.state.nextId(), shop: ctx.shop.domain, type: def.type, handle, fields: values, fallbackName,
    status: def.capabilities.publishable ? (input.capabilities?.publishable?.status ?? "DRAFT") : null,
    templateSuffix: input.capabilities?.onlineStore?.templateSuffix ?? null, createdAt: now, updatedAt: now,
  };
  saveObject(ctx.state, record);
  return { metaobject: metaobjectNode(ctx, record), userErrors: [] };
}

function update(ctx: AdminContext, def: MetaobjectDefinitionRecord, record: MetaobjectRecord, input: UpsertInput, info?: GraphQLResolveInfo) {
  const handleErrors = handleProblems(input.handle, ["metaobject", "handle"], { allowBlank: false });
  if (handleErrors.length) return failure(handleErrors);
  const capErrors = capabilityErrors(def, input.capabilities);
  if (capErrors.length) return failure(capErrors);
  const { errors, values } = checkFields(ctx, def, input.fields ?? [], "update", info, record.id);
  const merged = new Map([...record.fields, ...values]);
  // Unknown fields and missing required ones are reported together (metaobject-schema-change-lifecycle).
  const missing = requiredErrors(def, merged);
  if (errors.length || missing.length) return failure([...errors, ...missing]);
  const conflict = displayNameConflict(ctx, def, record, input.fields ?? [], merged);
  if (conflict) return failure([conflict]);
  const newHandle = input.handle?.toLowerCase();
  if (newHandle && newHandle !== record.handle && objectsOfType(ctx.state, ctx.shop.domain, def.type).some((o) => o.handle === newHandle)) {
    return failure([moError(["metaobject", "handle"], "Handle has already been taken", "TAKEN")]);
  }
  const changed = [...values].some(([k, v]) => record.fields.get(k)?.value !== v.value) || (newHandle && newHandle !== record.handle) || input.capabilities;
  record.fields = merged;
  if (newHandle && newHandle !== record.handle) {
    record.handle = newHandle;
    record.fallbackName = titleize(input.handle!);
  }
  if (input.capabilities?.publishable) record.status = input.capabilities.publishable.status;
  if (input.capabilities?.onlineStore) record.templateSuffix = input.capabilities.onlineStore.templateSuffix ?? null;
  if (changed) record.updatedAt = isoSeconds(); // an exact re-upsert keeps updatedAt (exactMatch capture)
  return { metaobject: metaobjectNode(ctx, record), userErrors: [] };
}

/**
 * An entry that is the value of a metafield-linked product option may not take the display name of
 * another value of that option (metaobject-display-name-conflict.json: update and upsert alike; the
 * error sits at the display field's input).
 */
function displayNameConflict(ctx: AdminContext, def: MetaobjectDefinitionRecord, record: MetaobjectRecord, fields: FieldInput[], merged: Map<string, { value: string; raw?: string }>): MetaobjectUserError | undefined {
  const at = def.displayNameKey ? fields.findIndex((f) => f.key === def.displayNameKey) : -1;
  if (at < 0) return undefined;
  const shown = merged.get(def.displayNameKey!);
  const name = shown?.raw ?? shown?.value;
  if (!name || !linkedOptionSiblingNames(ctx.state, ctx.shop.domain, gid("Metaobject", record.id)).includes(name)) return undefined;
  return moError(["metaobject", "fields", String(at)], "The display name you have chosen is already in use as an option value. Choose a different name to avoid conflicts.", "DISPLAY_NAME_CONFLICT");
}

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

// Display-name slug, else "<type-dasherized>-<8 lowercase alphanumerics>" (quirks §4 notes).
function generatedHandle(def: MetaobjectDefinitionRecord, values: Map<string, { value: string }>): { handle: string; suffix?: string } {
  const display = def.displayNameKey ? values.get(def.displayNameKey)?.value : undefined;
  if (display && slug(display)) return { handle: slug(display) };
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const suffix = [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join("");
  return { handle: `${def.type.replace(/_/g, "-")}-${suffix}`, suffix };
}

function uniqueHandle(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

// Rails-style titleize: camelCase, dashes and underscores become words ("MyHandle" → "My Handle").
const titleize = (handle: string) =>
  handle.replace(/([a-z\d])([A-Z])/g, "$1 $2").split(/[-_\s]/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(" ");

export function metaobjectNode(ctx: AdminContext, o: MetaobjectRecord): Record<string, unknown> {
  const def = definitionByType(ctx.state, o.shop, o.type)!;
  const fieldNode = (fd: MetaobjectDefinitionRecord["fieldDefinitions"][number]) => {
    const v = o.fields.get(fd.key);
    const set = v && v.value !== "";
    const jsonValue = set ? v.jsonValue : null;
    return { __typename: "MetaobjectField", key: fd.key, type: fd.type, value: set ? v.value : null, jsonValue, definition: fieldDefinitionNode(fd), ...referenceFields(fd.type, jsonValue) };
  };
  // displayName shows the display field as it was written, not its normalized value (type matrix: measurements).
  const displayField = def.displayNameKey ? o.fields.get(def.displayNameKey) : undefined;
  const display = displayField?.value ? (displayField.raw ?? displayField.value) : undefined;
  return {
    __typename: "Metaobject",
    id: gid("Metaobject", o.id),
    handle: o.handle,
    type: o.type,
    displayName: display || o.fallbackName || titleize(o.handle),
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    capabilities: {
      __typename: "MetaobjectCapabilityData",
      // Disabling publishable on the definition hides the entries' status (metaobject-schema-change-lifecycle).
      publishable: o.status && def.capabilities.publishable ? { __typename: "MetaobjectCapabilityDataPublishable", status: o.status } : null,
      onlineStore: def.capabilities.onlineStore ? { __typename: "MetaobjectCapabilityDataOnlineStore", templateSuffix: o.templateSuffix } : null,
    },
    fields: def.fieldDefinitions.map(fieldNode),
    field: ({ key }: { key: string }) => {
      const fd = def.fieldDefinitions.find((d) => d.key === key);
      return fd ? fieldNode(fd) : null;
    },
    definition: () => definitionNode(ctx, def),
    referencedBy: (args: ConnectionArgs, _ctx: AdminContext, info: GraphQLResolveInfo) => referencedBy(ctx, gid("Metaobject", o.id), args, info),
  };
}

export function metaobject(args: { id: string }, ctx: AdminContext) {
  const o = metaobjectStore(ctx.state).objects.get(Number(/^gid:\/\/shopify\/Metaobject\/(\d+)$/.exec(args.id)?.[1]));
  return o && o.shop === ctx.shop.domain ? metaobjectNode(ctx, o) : null;
}

export function metaobjectByHandle(args: { handle: { type: string; handle: string } }, ctx: AdminContext) {
  const type = resolveType(ctx, args.handle.type);
  const o = objectsOfType(ctx.state, ctx.shop.domain, type).find((x) => x.handle === args.handle.handle.toLowerCase());
  return o ? metaobjectNode(ctx, o) : null;
}

interface ListArgs extends ConnectionArgs { type: string; sortKey?: string | null; query?: string | null }

export function metaobjects(args: ListArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  let rows = objectsOfType(ctx.state, ctx.shop.domain, resolveType(ctx, args.type));
  if (args.query) rows = filterByQuery(ctx, rows, args.query, info);
  const sortKey = args.sortKey ?? "id";
  if (sortKey === "updated_at") rows = [...rows].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id);
  else if (sortKey === "display_name") rows = [...rows].sort((a, b) => String(metaobjectNode(ctx, a).displayName).localeCompare(String(metaobjectNode(ctx, b).displayName)));
  else if (sortKey !== "id") throw notImplemented(info, `metaobjects(sortKey: "${sortKey}")`);
  return connection(rows.map((o) => metaobjectNode(ctx, o)), args, (o) => o.id as string);
}

const RANGE_KEYS: Record<string, string> = { "<": "range_lt" };

// `updated_at:<1900-01-01T00:00:00Z` (metaobjects-filter-sort.json updatedAtRangeNoMatch): the range
// applies to the whole timestamp, and Shopify's parser also reads the value's tail after its first
// colon ("00:00Z") as a second term, field "00", which it reports as an invalid field (that term
// matches everything, as unknown fields do). Only the `<` echo is captured; other comparators on a
// timestamp with a time part fail loudly.
function filterUpdatedAt(ctx: AdminContext, rows: MetaobjectRecord[], query: string, comparator: string, value: string, info: GraphQLResolveInfo): MetaobjectRecord[] {
  const range = timeRange(value, Date.now());
  if (!range) throw notImplemented(info, `metaobjects(query: "${query}") with an unrecognised timestamp`);
  const tail = /^[^:]+:([A-Za-z0-9_]+):(\S+)$/.exec(value);
  if (value.includes(":")) {
    if (!tail || !RANGE_KEYS[comparator]) throw notImplemented(info, `metaobjects(query: "${query}")`);
    addSearchWarnings(ctx, [{
      path: [info.path.key as string], query,
      parsed: { and: [{ field: "updated_at", [RANGE_KEYS[comparator]!]: value }, { field: tail[1], match_all: tail[2] }] },
      warnings: [{ field: tail[1], message: "Invalid search field for this query.", code: "invalid_field" }],
    } as unknown as SearchWarning]);
  }
  return rows.filter((o) => {
    const t = Date.parse(o.updatedAt);
    switch (comparator) {
      case "<": return t < range[0];
      case "<=": return t < range[1];
      case ">": return t >= range[1];
      case ">=": return t >= range[0];
      default: return t >= range[0] && t < range[1];
    }
  });
}

// The single-term queries metaobjects-filter-sort.json captures; anything else fails loudly.
function filterByQuery(ctx: AdminContext, rows: MetaobjectRecord[], query: string, info: GraphQLResolveInfo): MetaobjectRecord[] {
  const q = query.trim();
  const exact = /^(handle|id):([^\s<>=*]+)$/.exec(q);
  if (exact) return rows.filter((o) => (exact[1] === "handle" ? o.handle === exact[2] : String(o.id) === exact[2]));
  // `id:<0`: no match and a search warning (a non-positive id is not a valid bound).
  const idBelow = /^id:<(-?\d+)$/.exec(q);
  if (idBelow && Number(idBelow[1]) <= 0) {
    const received = Number(idBelow[1]);
    addSearchWarnings(ctx, [{
      path: [info.path.key as string], query, parsed: { field: "id", range_lt: received },
      warnings: [{ field: "id", message: `Expected field to be a positive integer or UUID, received \`${received}\`.` }],
    } as unknown as SearchWarning]);
    return [];
  }
  const updated = /^updated_at:(<=|>=|<|>)?(\S+)$/.exec(q);
  if (updated) return filterUpdatedAt(ctx, rows, query, updated[1] ?? ":", updated[2]!, info);
  // `display_name:Alpha*`, `fields.subtitle:Lake*`: case-insensitive prefix. Whether Shopify matches the
  // prefix against the whole value or any word is not captured, so a row where the two differ fails loudly.
  const prefix = /^(display_name|fields\.([A-Za-z0-9_-]+)):([^\s"'*:()]+)\*$/.exec(q);
  if (prefix) {
    const wanted = prefix[3]!.toLowerCase();
    return rows.filter((o) => {
      const text = prefix[2] ? o.fields.get(prefix[2])?.value ?? "" : String(metaobjectNode(ctx, o).displayName ?? "");
      const whole = text.toLowerCase().startsWith(wanted);
      if (whole !== wordMatch(text, wanted, true)) throw notImplemented(info, `metaobjects(query: "${query}") on a value where whole-value and word prefixes differ`);
      return whole;
    });
  }
  throw notImplemented(info, `metaobjects(query: "${query}")`);
}

export function metaobjectDelete(args: { id: string }, ctx: AdminContext) {
  const o = metaobjectStore(ctx.state).objects.get(Number(/^gid:\/\/shopify\/Metaobject\/(\d+)$/.exec(args.id)?.[1]));
  if (!o || o.shop !== ctx.shop.domain) return { deletedId: null, userErrors: [moError(["id"], "Record not found", "RECORD_NOT_FOUND")] };
  const def = definitionByType(ctx.state, o.shop, o.type);
  if (def?.ownerApiKey && def.ownerApiKey !== ctx.token.apiKey) return { deletedId: null, userErrors: [moError(["id"], "Record not found", "RECORD_NOT_FOUND")] };
  deleteObject(ctx.state, o);
  return { deletedId: gid("Metaobject", o.id), userErrors: [] };
}

// metaobjectBulkDelete: an async Job (done: false) that deletes by type or ids; unknown ids are skipped.
// metaobject-bulk-delete-edge-cases.json, metaobject-bulk-delete-ids-lifecycle.json, *-survivor-lifecycle.json.
export function metaobjectBulkDelete(args: { where: { type?: string | null; ids?: string[] | null } }, ctx: AdminContext, info?: GraphQLResolveInfo) {
  const { type, ids } = args.where;
  if ((type == null) === (ids == null)) {
    // Located at the field and, for an inline object giving both, at the later of the two keys
    // (captured: `where: { type: …, ids: [] }` → the `ids` key).
    const field = info?.fieldNodes[0];
    const where = field?.arguments?.find((a) => a.name.value === "where")?.value;
    const keys = where?.kind === Kind.OBJECT ? where.fields.filter((f) => f.name.value === "type" || f.name.value === "ids") : [];
    const nodes: ASTNode[] = field ? (keys.length === 2 ? [field, keys[1]!] : [field]) : [];
    throw new GraphQLError("MetaobjectBulkDeleteWhereCondition requires exactly one of type, ids", { nodes, extensions: { code: "INVALID_FIELD_ARGUMENTS" } });
  }
  // More than 250 ids never reach here: the handler refuses oversized arrays (admin-graphql/input-size.ts).
  let targets: MetaobjectRecord[];
  if (type != null) {
    const def = definitionByType(ctx.state, ctx.shop.domain, resolveType(ctx, type));
    if (!def || (def.ownerApiKey && def.ownerApiKey !== ctx.token.apiKey)) {
      return { job: null, userErrors: [moError(["where", "type"], `No metaobject definition exists for type "${type}"`, "RECORD_NOT_FOUND")] };
    }
    targets = objectsOfType(ctx.state, ctx.shop.domain, def.type);
  } else {
    const store = metaobjectStore(ctx.state);
    targets = ids!.flatMap((id) => {
      const o = store.objects.get(Number(/^gid:\/\/shopify\/Metaobject\/(\d+)$/.exec(id)?.[1]));
      const def = o && o.shop === ctx.shop.domain ? definitionByType(ctx.state, o.shop, o.type) : undefined;
      return o && def && !(def.ownerApiKey && def.ownerApiKey !== ctx.token.apiKey) ? [o] : [];
    });
  }
  // The twin deletes at once; the job still reports done: false like the recorded response.
  for (const o of targets) deleteObject(ctx.state, o);
  return { job: { __typename: "Job", id: `gid://shopify/Job/${randomUUID()}`, done: false }, userErrors: [] };
}
