import {
  BREAK, GraphQLError, Kind, specifiedRules, validate, visit,
  type ASTNode, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule,
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
  if (validate(schema, document).length === 0) return [];
  const out: ShopifyError[] = [];
  for (const rule of specifiedRules) {
    for (const error of validate(schema, document, [rule])) out.push(validationError(document, rule, error));
  }
  return out;
}

function validationError(document: DocumentNode, rule: ValidationRule, error: GraphQLError): ShopifyError {
  const ruleName = rule.name;
  const code = RULE_CODES[ruleName] ?? ruleName.replace(/Rule$/, "").replace(/^./, (c) => c.toLowerCase());
  const node = error.nodes?.[0];
  const path = node ? documentPath(document, node) : undefined;
  let message = error.message;
  const extensions: Record<string, unknown> = { code };
  const undefinedField = /^Cannot query field "(.+?)" on type "(.+?)"\./.exec(error.message);
  if (ruleName === "FieldsOnCorrectTypeRule" && undefinedField) {
    const [, fieldName, typeName] = undefinedField;
    message = `Field '${fieldName}' doesn't exist on type '${typeName}'`;
    Object.assign(extensions, { typeName, fieldName });
  }
  return { message, ...(error.locations && { locations: error.locations }), ...(path && { path }), extensions };
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
