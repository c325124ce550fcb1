import {
  BREAK, getNamedType, getNullableType, GraphQLError, isEnumType, isInputObjectType, isListType, isNonNullType, Kind, NoUnusedVariablesRule, print, specifiedRules, typeFromAST, TypeInfo, validate, visit, visitWithTypeInfo,
  type ASTNode, type DocumentNode, type GraphQLFormattedError, type GraphQLInputType, type GraphQLNamedType, type GraphQLScalarType, type GraphQLSchema,
  type OperationDefinitionNode, type ValidationRule,
} from "graphql";

// Shopify-shaped GraphQL errors (see captures/quirks.md §0): parse and validation failures come
// back with HTTP 200, an `extensions.code`, and for validation a path that starts with the
// operation label ("query Name"). No cost extension on these.

export type ShopifyError = GraphQLFormattedError;

export function parseErrorToShopify(error: GraphQLError): ShopifyError {
  const description = error.message.replace(/^Syntax Error:\s*/, "").replace(/\.$/, "");
  const loc = error.locations?.[0];
  return {
    message: `syntax error, ${description.charAt(0).toLowerCase()}${description.slice(1)}${loc ? ` at [${loc.line}, ${loc.column}]` : ""}`,
    ...(error.locations && { locations: error.locations }),
    extensions: { code: "PARSE_ERROR" },
  };
}

// graphql-js rule -> Shopify's validation code, where the captures show one.
const RULE_CODES: Record<string, string> = {
  FieldsOnCorrectTypeRule: "undefinedField",
  ScalarLeafsRule: "selectionMismatch",
  KnownArgumentNamesRule: "argumentNotAccepted",
  ProvidedRequiredArgumentsRule: "missingRequiredArguments",
  NoUnusedVariablesRule: "variableNotUsed",
  NoUndefinedVariablesRule: "variableNotDefined",
  ValuesOfCorrectTypeRule: "argumentLiteralsIncompatible",
  KnownTypeNamesRule: "undefinedType",
  VariablesInAllowedPositionRule: "variableMismatch",
};

/** Validates `document`; on failure returns Shopify-shaped errors (rule re-run only on the error path). */
export function validateForShopify(schema: GraphQLSchema, document: DocumentNode): ShopifyError[] {
  const literalIds = invalidIdLiterals(schema, document);
  if (validate(schema, document).length === 0 && !literalIds.length) return [];
  const out: ShopifyError[] = [...literalIds];
  for (const rule of specifiedRules) {
    const errors = validate(schema, document, [rule]);
    if (rule.name === "ProvidedRequiredArgumentsRule") out.push(...missingArguments(document, errors));
    else for (const error of errors) out.push(validationError(schema, document, rule, error));
  }
  out.push(...usedOnlyInUnknownArguments(schema, document).map((e) => validationError(schema, document, NoUnusedVariablesRule, e)));
  // Shopify validates in one pass over the document, so errors come in document order; unused
  // variables are reported when the operation is left, after the rest (online-store-salvaged-parity-recordings.json).
  const rank = (e: ShopifyError) => (e.extensions?.code === "variableNotUsed" ? 1 : 0);
  const at = (e: ShopifyError) => (e.locations?.[0] ? e.locations[0].line * 1e6 + e.locations[0].column : 0);
  return out.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || at(a.e) - at(b.e) || a.i - b.i).map(({ e }) => e);
}

/**
 * Shopify does not count a variable passed to an argument the field does not accept as used: it
 * reports `argumentNotAccepted` and `variableNotUsed` together
 * (bulk-operation-run-mutation-client-identifier-validation.json runQueryWithClientIdentifier).
 */
function usedOnlyInUnknownArguments(schema: GraphQLSchema, document: DocumentNode): GraphQLError[] {
  const typeInfo = new TypeInfo(schema);
  const used = new Set<string>();
  const inUnknown = new Set<string>();
  let unknownDepth = 0;
  visit(document, visitWithTypeInfo(typeInfo, {
    Argument: {
      enter() { if (!typeInfo.getArgument()) unknownDepth++; },
      leave() { if (!typeInfo.getArgument()) unknownDepth--; },
    },
    Variable(node, _key, parent) {
      if ((parent as ASTNode | undefined)?.kind === Kind.VARIABLE_DEFINITION) return;
      (unknownDepth > 0 ? inUnknown : used).add(node.name.value);
    },
  }));
  return document.definitions.flatMap((def) => (def.kind !== Kind.OPERATION_DEFINITION ? [] : (def.variableDefinitions ?? [])
    .filter((v) => inUnknown.has(v.variable.name.value) && !used.has(v.variable.name.value))
    .map((v) => new GraphQLError(`Variable "$${v.variable.name.value}" is never used.`, { nodes: [v] }))));
}

/**
 * Literal coercion errors of Shopify's custom scalars, reported at validation: ID takes only global
 * ids (bulk-operations-read-arg-validation.json, admin-platform-utility-roots.json), URL needs a
 * scheme and ARN an `arn:` form (online-store-salvaged-parity-recordings.json).
 */
function scalarLiteralError(typeName: string | undefined, value: string): string | undefined {
  if (typeName === "ID" && !GLOBAL_ID.test(value)) return `Invalid global id '${value}'`;
  if (typeName === "URL" && !/^[a-z][a-z0-9+.-]*:/i.test(value)) return `Invalid url '${value}', missing scheme`;
  if (typeName === "ARN" && !/^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/.test(value)) return `Invalid ARN '${value}'`;
  return undefined;
}

// Input objects Shopify treats as @oneOf although the published SDL does not mark them
// (store-properties-baseline.json, online-store-salvaged-parity-recordings.json).
const ONE_OF_INPUTS = new Set(["LocationIdentifierInput", "MobilePlatformApplicationCreateInput"]);

function invalidIdLiterals(schema: GraphQLSchema, document: DocumentNode): ShopifyError[] {
  const typeInfo = new TypeInfo(schema);
  const out: ShopifyError[] = [];
  visit(document, visitWithTypeInfo(typeInfo, {
    ObjectValue(node) {
      const type = typeInfo.getInputType();
      const name = type ? getNamedType(type)?.name : undefined;
      if (!name || !ONE_OF_INPUTS.has(name) || node.fields.length === 1) return;
      const chain = ancestry(document, node);
      const locations = shopifyLocation(node);
      out.push({
        message: `OneOf Input Object '${name}' must specify exactly one key.`,
        ...(locations && { locations }),
        ...(chain && { path: inputPath(chain) as string[] }),
        extensions: { code: "invalidOneOfInputObject", inputObjectType: name },
      });
    },
    StringValue(node) {
      const type = typeInfo.getInputType();
      const message = type ? scalarLiteralError(getNamedType(type)?.name, node.value) : undefined;
      if (!message) return;
      const chain = ancestry(document, node);
      if (!chain) return;
      let ownerIndex = chain.length - 1;
      while (ownerIndex > 0 && chain[ownerIndex]!.node.kind !== Kind.ARGUMENT && chain[ownerIndex]!.node.kind !== Kind.OBJECT_FIELD) ownerIndex--;
      const owner = chain[ownerIndex - 1]?.node;
      const locations = shopifyLocation(owner);
      out.push({
        message,
        ...(locations && { locations }),
        path: inputPath(chain.slice(0, ownerIndex + 1)) as string[],
        extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" },
      });
    },
  }));
  return out;
}

const shopifyLocation = (node: ASTNode | undefined) => (node?.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : undefined);

function validationError(schema: GraphQLSchema, document: DocumentNode, rule: ValidationRule, error: GraphQLError): ShopifyError {
  const ruleName = rule.name;
  const code = RULE_CODES[ruleName] ?? ruleName.replace(/Rule$/, "").replace(/^./, (c) => c.toLowerCase());
  const node = error.nodes?.[0];
  const chain = node ? ancestry(document, node) : undefined;
  const path = node ? documentPath(document, node) : undefined;
  const shaped = (message: string, at: ASTNode | undefined, p: (string | number)[] | undefined, extensions: Record<string, unknown>): ShopifyError => {
    const locations = shopifyLocation(at) ?? error.locations;
    return { message, ...(locations && { locations }), ...(p && { path: p as string[] }), extensions };
  };
  const undefinedField = /^Cannot query field "(.+?)" on type "(.+?)"\./.exec(error.message);
  if (ruleName === "FieldsOnCorrectTypeRule" && undefinedField) {
    const [, fieldName, typeName] = undefinedField;
    return shaped(`Field '${fieldName}' doesn't exist on type '${typeName}'`, node, path, { code, typeName, fieldName });
  }
  // Shapes below: graphql-base-validation-unhappy-paths.json, bulk-operation-run-mutation-client-identifier-validation.json,
  // metafield-definition-access-validation.json, staged_uploads_create_required_args.json, bulk-operations-sort-key.json,
  // metaobject-definition-customer-account-access.json, store-properties-baseline.json.
  const leaf = /^Field "(.+?)" of type "(.+?)" must have a selection of subfields/.exec(error.message);
  if (ruleName === "ScalarLeafsRule" && leaf) {
    const [, fieldName, typeStr] = leaf;
    const typeName = typeStr!.replace(/[[\]!]/g, "");
    return shaped(`Field must have selections (field '${fieldName}' returns ${typeName} but has no selections. Did you mean '${fieldName} { ... }'?)`, node, path,
      { code, nodeName: `field '${fieldName}'`, typeName });
  }
  const unknownArg = /^Unknown argument "(.+?)" on field "(.+?)\.(.+?)"\./.exec(error.message);
  if (ruleName === "KnownArgumentNamesRule" && unknownArg && chain) {
    const [, argumentName, , fieldName] = unknownArg;
    return shaped(`Field '${fieldName}' doesn't accept argument '${argumentName}'`, node, inputPath(chain),
      { code, name: fieldName, typeName: "Field", argumentName });
  }
  const unused = /^Variable "\$(.+?)" is never used/.exec(error.message);
  if (ruleName === "NoUnusedVariablesRule" && unused && chain) {
    const op = chain.find((c) => c.node.kind === Kind.OPERATION_DEFINITION)?.node as OperationDefinitionNode | undefined;
    const label = op ? (op.name ? `${op.operation} ${op.name.value}` : op.operation) : undefined;
    return shaped(`Variable $${unused[1]} is declared by ${op?.name?.value ?? "anonymous"} but not used`, op, label ? [label] : undefined,
      { code, variableName: unused[1] });
  }
  if (ruleName === "ValuesOfCorrectTypeRule" && node && chain) {
    const notDefined = /^Field "(.+?)" is not defined by type "(.+?)"\./.exec(error.message);
    if (notDefined) {
      const [, argumentName, typeName] = notDefined;
      return shaped(`InputObject '${typeName}' doesn't accept argument '${argumentName}'`, node, inputPath(chain),
        { code: "argumentNotAccepted", name: typeName, typeName: "InputObject", argumentName });
    }
    const required = /^Field "(.+?)\.(.+?)" of required type "(.+?)" was not provided\./.exec(error.message);
    if (required) {
      const [, inputObjectType, argumentName, argumentType] = required;
      return shaped(`Argument '${argumentName}' on InputObject '${inputObjectType}' is required. Expected type ${argumentType}`, node,
        [...(inputPath(chain) ?? []), argumentName!], { code: "missingRequiredInputObjectAttribute", argumentName, argumentType, inputObjectType });
    }
    const oneOf = /^OneOf Input Object "(.+?)" must specify exactly one key\./.exec(error.message);
    if (oneOf) {
      return shaped(`OneOf Input Object '${oneOf[1]}' must specify exactly one key.`, node, inputPath(chain), { code: "invalidOneOfInputObject", inputObjectType: oneOf[1] });
    }
    const invalid = invalidValue(schema, chain);
    if (invalid) {
      return shaped(`Argument '${invalid.argumentName}' on ${invalid.typeName} '${invalid.ownerName}' has an invalid value (${print(node)}). Expected type '${invalid.expected}'.`,
        invalid.at, inputPath(chain.slice(0, invalid.depth + 1)), { code, typeName: invalid.typeName, argumentName: invalid.argumentName });
    }
  }
  return shaped(error.message, node, path, { code });
}

/** graphql-js reports each missing argument alone; Shopify lists them per field. */
function missingArguments(document: DocumentNode, errors: readonly GraphQLError[]): ShopifyError[] {
  const byField = new Map<ASTNode, { name: string; args: string[] }>();
  const rest: ShopifyError[] = [];
  for (const error of errors) {
    const m = /^Field "(.+?)" argument "(.+?)" of type ".+?" is required, but it was not provided\./.exec(error.message);
    const node = error.nodes?.[0];
    if (!m || !node) {
      rest.push({ message: error.message, ...(error.locations && { locations: error.locations }), extensions: { code: "missingRequiredArguments" } });
      continue;
    }
    const entry = byField.get(node) ?? { name: m[1]!, args: [] };
    entry.args.push(m[2]!);
    byField.set(node, entry);
  }
  return [...[...byField].map(([node, { name, args }]) => {
    const path = documentPath(document, node);
    const locations = shopifyLocation(node);
    return {
      message: `Field '${name}' is missing required arguments: ${args.join(", ")}`,
      ...(locations && { locations }), ...(path && { path }),
      extensions: { code: "missingRequiredArguments", className: "Field", name, arguments: args.join(", ") },
    };
  }), ...rest];
}

interface Step { node: ASTNode; index?: number }

/** The AST nodes from the document down to `target` (list items carry their index). */
function ancestry(document: DocumentNode, target: ASTNode): Step[] | undefined {
  const walk = (node: ASTNode, acc: Step[], index?: number): Step[] | undefined => {
    const here = [...acc, { node, ...(index !== undefined && { index }) }];
    if (node === target) return here;
    const children: [ASTNode, number?][] = [];
    switch (node.kind) {
      case Kind.DOCUMENT: node.definitions.forEach((d) => children.push([d])); break;
      case Kind.OPERATION_DEFINITION: case Kind.FRAGMENT_DEFINITION: case Kind.INLINE_FRAGMENT:
        if (node.kind === Kind.OPERATION_DEFINITION) node.variableDefinitions?.forEach((v) => children.push([v]));
        children.push([node.selectionSet]); break;
      case Kind.SELECTION_SET: node.selections.forEach((s) => children.push([s])); break;
      case Kind.FIELD: node.arguments?.forEach((a) => children.push([a])); if (node.selectionSet) children.push([node.selectionSet]); break;
      case Kind.ARGUMENT: case Kind.OBJECT_FIELD: children.push([node.value]); break;
      case Kind.OBJECT: node.fields.forEach((f) => children.push([f])); break;
      case Kind.LIST: node.values.forEach((v, i) => children.push([v, i])); break;
      default: break;
    }
    for (const [child, i] of children) {
      const found = walk(child, here, i);
      if (found) return found;
    }
    return undefined;
  };
  return walk(document, []);
}

/** Shopify's path for an argument-level error: operation, fields (alias first), argument, input fields, list indices. */
function inputPath(chain: Step[]): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  for (const { node, index } of chain) {
    if (index !== undefined) out.push(index);
    if (node.kind === Kind.OPERATION_DEFINITION) out.push(node.name ? `${node.operation} ${node.name.value}` : node.operation);
    else if (node.kind === Kind.FRAGMENT_DEFINITION) out.push(`fragment ${node.name.value}`);
    else if (node.kind === Kind.FIELD) out.push(node.alias?.value ?? node.name.value);
    else if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) out.push(node.name.value);
  }
  return out.length ? out : undefined;
}

/** For a literal of the wrong type: the argument or input field it was given to, its owner and expected type. */
function invalidValue(schema: GraphQLSchema, chain: Step[]) {
  let parent: GraphQLNamedType | undefined;
  let input: GraphQLInputType | undefined;
  let result: { argumentName: string; typeName: "Field" | "InputObject"; ownerName: string; expected: string; at: ASTNode; depth: number } | undefined;
  chain.forEach(({ node }, depth) => {
    switch (node.kind) {
      case Kind.OPERATION_DEFINITION: parent = schema.getRootType(node.operation) ?? undefined; break;
      case Kind.FRAGMENT_DEFINITION: parent = schema.getType(node.typeCondition.name.value) ?? undefined; break;
      case Kind.INLINE_FRAGMENT: if (node.typeCondition) parent = schema.getType(node.typeCondition.name.value) ?? undefined; break;
      case Kind.FIELD: {
        const def = parent && "getFields" in parent && !isInputObjectType(parent) ? parent.getFields()[node.name.value] : undefined;
        const owner = chain[depth];
        if (def && node.selectionSet) parent = getNamedType(def.type);
        (owner as Step & { def?: unknown }).def = def;
        break;
      }
      case Kind.ARGUMENT: {
        const field = chain[depth - 1]!;
        const def = (field as Step & { def?: { args: readonly { name: string; type: GraphQLInputType }[]; name: string } }).def;
        const arg = def?.args.find((a) => a.name === node.name.value);
        input = arg?.type;
        if (arg && def) result = { argumentName: arg.name, typeName: "Field", ownerName: def.name, expected: String(arg.type), at: field.node, depth };
        break;
      }
      case Kind.LIST: { const t = input && getNullableType(input); input = t && isListType(t) ? t.ofType : t; break; }
      case Kind.OBJECT_FIELD: {
        const objectStep = chain[depth - 1]!;
        const named = input && getNamedType(input);
        const field = named && isInputObjectType(named) ? named.getFields()[node.name.value] : undefined;
        input = field?.type;
        if (field && named) result = { argumentName: field.name, typeName: "InputObject", ownerName: named.name, expected: String(field.type), at: objectStep.node, depth };
        break;
      }
      default: break;
    }
  });
  return result;
}
/** ["query Name", "field", "child", ...] for the node, as Shopify reports validation paths. */
function documentPath(document: DocumentNode, target: ASTNode): string[] | undefined {
  let found: string[] | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (node !== target) return undefined;
      const chain = [...(ancestors as ASTNode[]).filter((a) => typeof a === "object" && a !== null && "kind" in a), node];
      found = [];
      for (const a of chain) {
        if (a.kind === Kind.OPERATION_DEFINITION) found.push(a.name ? `${a.operation} ${a.name.value}` : a.operation);
        else if (a.kind === Kind.FRAGMENT_DEFINITION) found.push(`fragment ${a.name.value}`);
        else if (a.kind === Kind.FIELD) found.push(a.alias?.value ?? a.name.value);
      }
      return BREAK;
    },
  });
  return found;
}

/** A resolver-level error with a Shopify code (BAD_REQUEST, NOT_IMPLEMENTED_IN_SANDBOX, ...). */
export function coded(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

// ---- variable values (INVALID_VARIABLE), in Shopify's graphql-ruby wording. Recorded in
// metafields-set-missing-*-parity.json, product-media-validation-branches.json, media-staged-uploads-create-*.json,
// webhook-subscription-pub-sub-required-fields.json, online-store-salvaged-parity-recordings.json,
// bulk-operation-status-catalog-cancel.json and graphql-base-validation-unhappy-paths.json.

interface Problem { path: (string | number)[]; explanation: string; message?: string }

/** Checks the provided variables against their declared types; one error per invalid variable. */
export function invalidVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): ShopifyError[] {
  const out: ShopifyError[] = [];
  for (const def of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const name = def.variable.name.value;
    const provided = Object.hasOwn(variables, name);
    if (!provided && def.defaultValue) continue;
    const value = provided ? variables[name] : undefined;
    const problems: Problem[] = [];
    checkValue(type, value, [], problems);
    if (!problems.length) continue;
    const fields = problems.filter((p) => p.path.length).map((p) => `${p.path.join(".")} (${p.explanation})`);
    const locations = shopifyLocation(def);
    out.push({
      message: `Variable $${name} of type ${String(type)} was provided invalid value${fields.length ? ` for ${fields.join(", ")}` : ""}`,
      ...(locations && { locations }),
      extensions: { code: "INVALID_VARIABLE", value: value ?? null, problems },
    });
  }
  return out;
}

const GLOBAL_ID = /^gid:\/\/[^/]+\/[^/]+\/[^/].*$/;

function checkValue(type: GraphQLInputType, value: unknown, path: (string | number)[], problems: Problem[]): void {
  if (isNonNullType(type)) {
    if (value === null || value === undefined) problems.push({ path, explanation: "Expected value to not be null" });
    else checkValue(type.ofType, value, path, problems);
    return;
  }
  if (value === null || value === undefined) return;
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(type.ofType, item, [...path, i], problems));
    else checkValue(type.ofType, value, path, problems);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== "object" || Array.isArray(value)) {
      // No capture of a non-object for an input object; graphql-ruby's wording.
      problems.push({ path, explanation: `Expected ${JSON.stringify(value)} to be a key-value object.` });
      return;
    }
    const fields = type.getFields();
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!fields[key]) problems.push({ path: [...path, key], explanation: `Field is not defined on ${type.name}` });
    for (const field of Object.values(fields)) {
      if (!Object.hasOwn(record, field.name) && field.defaultValue !== undefined) continue;
      checkValue(field.type, record[field.name], [...path, field.name], problems);
    }
    return;
  }
  if (isEnumType(type)) {
    if (typeof value !== "string" || !type.getValue(value)) {
      problems.push({ path, explanation: `Expected ${JSON.stringify(value)} to be one of: ${type.getValues().map((v) => v.name).join(", ")}` });
    }
    return;
  }
  if (type.name === "ID" && typeof value === "string" && !GLOBAL_ID.test(value)) {
    const message = `Invalid global id '${value}'`;
    problems.push({ path, explanation: message, message });
    return;
  }
  try {
    (type as GraphQLScalarType).parseValue(value);
  } catch {
    // No capture of a mistyped scalar variable; graphql-ruby's wording.
    problems.push({ path, explanation: `Could not coerce value ${JSON.stringify(value)} to ${type.name}` });
  }
}
