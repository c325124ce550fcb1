import { execute, GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { Reply } from "../../http/http";
import type { AccessTokenStore } from "../auth/access-tokens";
import type { ShopifyState } from "../state";
import type { AdminContext } from "./context";
import { withAccessControl } from "./access";
import { actualQueryCost, costExtension, requestedQueryCost, SINGLE_QUERY_MAX_COST, ThrottleBucket } from "./cost";
import { invalidVariables, parseErrorToShopify, validateForShopify } from "./errors";
import { inputSizeErrors } from "./input-size";
import { takeSearchWarnings } from "../catalog/resolvers/shared";
import { implementedFieldsOnly, rootValue } from "./resolvers";
import { ADMIN_API_VERSION } from "./schema";

// POST https://<shop>/admin/api/<version>/graphql.json with X-Shopify-Access-Token.

export interface AdminGraphqlDeps { schema: GraphQLSchema; state: ShopifyState; tokens: AccessTokenStore; buckets: Map<string, ThrottleBucket> }

export interface AdminGraphqlRequest { shop: string; version: string; accessToken: string | undefined; body: string; contentType: string | undefined }

const INVALID_TOKEN: Reply = { status: 401, body: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" } };

export function handleAdminGraphql(deps: AdminGraphqlDeps, req: AdminGraphqlRequest): Reply {
  const shop = deps.state.shops.get(req.shop);
  if (!shop) return { status: 404, body: { errors: "Not Found" } };
  const token = req.accessToken ? deps.tokens.use(req.accessToken, req.shop) : undefined;
  if (!token) return INVALID_TOKEN;
  if (req.version !== ADMIN_API_VERSION) {
    return { status: 404, body: { errors: `API version ${req.version} is not served by the Tessera sandbox (only ${ADMIN_API_VERSION})` } };
  }

  const payload = readPayload(req.body, req.contentType);
  if ("error" in payload) return { status: 400, body: { errors: { query: payload.error } } };

  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    return ok({ errors: [parseErrorToShopify(error as GraphQLError)] });
  }
  const validationErrors = validateForShopify(deps.schema, document);
  if (validationErrors.length) return ok({ errors: validationErrors });

  const operation = pickOperation(document, payload.operationName);
  if ("error" in operation) return ok({ errors: [{ message: operation.error }] });
  // Variable values are checked before anything runs or is charged (INVALID_VARIABLE, no cost extension).
  const variableErrors = invalidVariables(deps.schema, operation.op, payload.variables);
  if (variableErrors.length) return ok({ errors: variableErrors });

  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const costInput = { schema: deps.schema, operation: operation.op, fragments, variables: payload.variables };
  const requested = requestedQueryCost(costInput);
  const bucketKey = `${token.shop} ${token.apiKey}`;
  let bucket = deps.buckets.get(bucketKey);
  if (!bucket) deps.buckets.set(bucketKey, (bucket = new ThrottleBucket()));

  if (requested > SINGLE_QUERY_MAX_COST) {
    return ok({
      errors: [{
        message: `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).`,
        extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST },
      }],
      extensions: costExtension(requested, null, bucket),
    });
  }
  if (!bucket.take(requested)) {
    return ok({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/limits#rate-limits" } }],
      extensions: costExtension(requested, null, bucket),
    });
  }

  // Oversized array inputs are refused after charging, before anything runs (no data, actual cost null).
  const sizeErrors = inputSizeErrors(deps.schema, operation.op, fragments, payload.variables);
  if (sizeErrors.length) return ok({ errors: sizeErrors, extensions: costExtension(requested, null, bucket) });

  const installation = deps.state.installations.get(`${token.shop} ${token.apiKey}`);
  const context: AdminContext = { state: deps.state, shop, token, installation };
  const result = execute({
    schema: deps.schema,
    document,
    operationName: payload.operationName,
    rootValue,
    contextValue: context,
    variableValues: payload.variables,
    fieldResolver: withAccessControl(implementedFieldsOnly),
  });
  if (result instanceof Promise) throw new Error("sandbox resolvers must be synchronous for now");

  if (!("data" in result) || result.data === undefined) {
    // Variable coercion failed before execution: Shopify reports INVALID_VARIABLE and charges nothing.
    bucket.refund(requested);
    return ok({ errors: (result.errors ?? []).map((e) => ({ message: e.message, locations: e.locations, extensions: { code: "INVALID_VARIABLE" } })) });
  }
  // Shopify charges what the result actually cost (returned nodes, not page sizes) and refunds the rest.
  const actual = Math.min(requested, actualQueryCost(costInput, result.data as Record<string, unknown> | null));
  bucket.refund(requested - actual);
  // Search-syntax warnings the resolvers collected (unknown filter fields, rejected values) ride in extensions.search.
  const search = takeSearchWarnings(context);
  return ok({
    ...(result.errors?.length && { errors: result.errors.map((e) => e.toJSON()) }),
    data: result.data,
    extensions: { ...costExtension(requested, actual, bucket), ...(search.length && { search }) },
  });
}

const ok = (body: unknown): Reply => ({ status: 200, body });

interface Payload { query: string; variables: Record<string, unknown>; operationName?: string }

function readPayload(body: string, contentType: string | undefined): Payload | { error: string } {
  if (contentType?.includes("application/graphql")) return { query: body, variables: {} };
  let parsed: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    parsed = JSON.parse(body);
  } catch {
    return { error: "Required parameter missing or invalid" };
  }
  if (typeof parsed?.query !== "string") return { error: "Required parameter missing or invalid" };
  const variables = parsed.variables && typeof parsed.variables === "object" ? (parsed.variables as Record<string, unknown>) : {};
  const operationName = typeof parsed.operationName === "string" && parsed.operationName ? parsed.operationName : undefined;
  return { query: parsed.query, variables, operationName };
}

// Messages recorded in graphql-request-execution-operation-name-defaults.json.
function pickOperation(document: DocumentNode, name: string | undefined): { op: OperationDefinitionNode } | { error: string } {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (name) {
    const op = ops.find((o) => o.name?.value === name);
    return op ? { op } : { error: `No operation named "${name}"` };
  }
  if (ops.length !== 1) return { error: "An operation name is required" };
  return { op: ops[0]! };
}
