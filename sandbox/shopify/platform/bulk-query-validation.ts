import {
  GraphQLError, Kind, Lexer, Source, TokenKind, getNamedType, getNullableType, isListType, isObjectType, isInterfaceType, parse, validate,
  type DocumentNode, type FieldNode, type GraphQLField, type GraphQLSchema, type GraphQLType, type OperationDefinitionNode, type SelectionSetNode,
} from "graphql";

// Shopify's bulk query validators (bulk-operation-run-query-validators.json, -user-error-codes.json):
// every failure is a userError { field: ["query"], code: INVALID } and several may come back together.

export const MAX_BULK_CONNECTIONS = 5;
export const MAX_BULK_DEPTH = 2;
export const MAX_BULK_QUERY_BYTES = 65_535;

export type BulkQueryCheck = { ok: true; document: DocumentNode } | { ok: false; messages: string[] };

const isConnection = (type: GraphQLType) => getNamedType(type).name.endsWith("Connection");

export function validateBulkQuery(schema: GraphQLSchema, query: string): BulkQueryCheck {
  const bytes = Buffer.byteLength(query);
  // bulk-operation-storage-byte-limit.json cases.query
  if (bytes > MAX_BULK_QUERY_BYTES) return { ok: false, messages: [`Query is too large (${bytes} bytes; maximum is ${MAX_BULK_QUERY_BYTES} bytes)`] };
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { ok: false, messages: [`Invalid bulk query: ${syntaxMessage(error as GraphQLError)}`] };
  }
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.some((o) => o.operation !== "query")) return { ok: false, messages: ["Invalid operation type. Only `query` operations are supported."] };
  const schemaErrors = validate(schema, document);
  if (schemaErrors.length) return { ok: false, messages: schemaErrors.map((e) => `Invalid bulk query: ${e.message}`) };

  const messages: string[] = [];
  const op = ops[0]!;
  if (op.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "node")) {
    messages.push("Bulk queries cannot contain a top level `node` field.");
  }
  const found = { connections: 0, maxDepth: 0, viaNodes: [] as string[], withoutId: [] as string[], inList: false };
  walk(schema, schema.getQueryType()!, op.selectionSet, document, 0, false, found);
  if (found.connections === 0) messages.push("Bulk queries must contain at least one connection.");
  if (found.connections > MAX_BULK_CONNECTIONS) messages.push(`Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.`);
  if (found.maxDepth > MAX_BULK_DEPTH) messages.push(`Bulk queries cannot contain connections with a nesting depth greater than ${MAX_BULK_DEPTH}.`);
  if (found.viaNodes.length) {
    messages.push(`All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: '${found.viaNodes[0]} { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: ${found.viaNodes.map((n) => `'${n}'`).join(", ")}.`);
  }
  if (found.withoutId.length) {
    messages.push(`The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': ${found.withoutId.join(", ")}.`);
  }
  if (found.inList) messages.push("Queries that contain a connection field within a list field are not currently supported.");
  return messages.length ? { ok: false, messages } : { ok: true, document };
}

interface Found { connections: number; maxDepth: number; viaNodes: string[]; withoutId: string[]; inList: boolean }

function fieldsOf(set: SelectionSetNode, document: DocumentNode): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(s.selectionSet, document));
    else {
      const frag = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
      if (frag && frag.kind === Kind.FRAGMENT_DEFINITION) out.push(...fieldsOf(frag.selectionSet, document));
    }
  }
  return out;
}

function walk(schema: GraphQLSchema, parent: GraphQLType, set: SelectionSetNode, document: DocumentNode, depth: number, underList: boolean, found: Found) {
  const named = getNamedType(parent);
  if (!isObjectType(named) && !isInterfaceType(named)) return;
  for (const field of fieldsOf(set, document)) {
    const def: GraphQLField<unknown, unknown> | undefined = named.getFields()[field.name.value];
    if (!def || !field.selectionSet) continue;
    if (isConnection(def.type)) {
      found.connections++;
      found.maxDepth = Math.max(found.maxDepth, depth + 1);
      if (underList) found.inList = true;
      const inner = fieldsOf(field.selectionSet, document);
      if (inner.some((f) => f.name.value === "nodes")) found.viaNodes.push(field.name.value);
      const node = inner.find((f) => f.name.value === "edges")?.selectionSet && fieldsOf(inner.find((f) => f.name.value === "edges")!.selectionSet!, document).find((f) => f.name.value === "node");
      if (!node?.selectionSet) continue;
      const nodeType = getNamedType((getNamedType(def.type) as { getFields: () => Record<string, GraphQLField<unknown, unknown>> }).getFields().edges!.type);
      const edgeNode = (nodeType as { getFields: () => Record<string, GraphQLField<unknown, unknown>> }).getFields().node!.type;
      const nodeFields = fieldsOf(node.selectionSet, document);
      const hasNestedConnection = nodeFields.some((f) => {
        const t = getNamedType(edgeNode);
        return (isObjectType(t) || isInterfaceType(t)) && f.selectionSet && t.getFields()[f.name.value] && isConnection(t.getFields()[f.name.value]!.type);
      });
      if (hasNestedConnection && !nodeFields.some((f) => f.name.value === "id" && !f.alias)) found.withoutId.push(field.name.value);
      walk(schema, edgeNode, node.selectionSet, document, depth + 1, false, found);
    } else {
      walk(schema, def.type, field.selectionSet, document, depth, underList || isListType(getNullableType(def.type)), found);
    }
  }
}

// graphql-js "Syntax Error: Unexpected <EOF>." → Shopify's "syntax error, unexpected end of file".
function syntaxMessage(error: GraphQLError): string {
  const text = error.message.replace(/^Syntax Error:\s*/, "").replace(/\.$/, "");
  if (/<EOF>/.test(text)) return "syntax error, unexpected end of file";
  return `syntax error, ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

// Shopify's bulk mutation validators (bulk-operation-run-mutation-validators.json, -user-errors.json,
// -connection-validators.json). Unlike the query validators, some carry field ["mutation"] and a null code.
export interface BulkMutationError { field: string[] | null; message: string; code: string | null }
export type BulkMutationCheck = { ok: true; document: DocumentNode } | { ok: false; error: BulkMutationError };

const invalid = (message: string): BulkMutationCheck => ({ ok: false, error: { field: null, message, code: "INVALID_MUTATION" } });
const onMutation = (message: string): BulkMutationCheck => ({ ok: false, error: { field: ["mutation"], message, code: null } });

export function validateBulkMutation(schema: GraphQLSchema, mutation: string): BulkMutationCheck {
  let document: DocumentNode;
  try {
    document = parse(mutation);
  } catch (error) {
    return invalid(`Failed to parse the mutation - ${mutationSyntaxMessage(mutation, error as GraphQLError)}`);
  }
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.some((o) => o.operation !== "mutation")) return invalid("Invalid operation type. Only `mutation` operations are supported.");
  const roots = ops.length === 1 ? fieldsOf(ops[0]!.selectionSet, document) : [];
  if (roots.length !== 1) return onMutation("You must specify a single top level mutation.");
  // The captures only show bulkOperationRunMutation itself rejected; bulk operations cannot start bulk operations.
  if (/^bulkOperation/.test(roots[0]!.name.value) || !schema.getMutationType()!.getFields()[roots[0]!.name.value]) {
    return onMutation("You must use an allowed mutation name.");
  }
  const found = { connections: 0, maxDepth: 0, viaNodes: [] as string[], withoutId: [] as string[], inList: false };
  walk(schema, schema.getMutationType()!, ops[0]!.selectionSet, document, 0, false, found);
  if (found.connections > 1) return onMutation("Bulk mutations cannot contain more than 1 connection.");
  return { ok: true, document };
}

// Shopify's parser reports an unexpected end of file at the start of the last token
// ("mutation { not real syntax" → "unexpected end of file at [1, 21]").
function mutationSyntaxMessage(source: string, error: GraphQLError): string {
  if (!/<EOF>/.test(error.message)) {
    const loc = error.locations?.[0];
    return `${syntaxMessage(error)}${loc ? ` at [${loc.line}, ${loc.column}]` : ""}`;
  }
  let last: { line: number; column: number } | undefined;
  try {
    const lexer = new Lexer(new Source(source));
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) last = { line: t.line, column: t.column };
  } catch { /* a lexing error has its own location below */ }
  const loc = last ?? error.locations?.[0];
  return `syntax error, unexpected end of file${loc ? ` at [${loc.line}, ${loc.column}]` : ""}`;
}
