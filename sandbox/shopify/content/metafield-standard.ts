import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { registerNode } from "../state";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { isoSeconds } from "../platform/app-identity";
import { findMetafieldDefinition, metafieldDefinitionNode, metafieldDefinitionStore, type MetafieldDefinitionRecord } from "./metafield-definitions";

// Mutation.standardMetafieldDefinitionEnable. Only what the captures show of Shopify's templates is kept:
// metafield-definition-protected-guards.json (template 1 = descriptors.subtitle), standard-metafield-definition-
// enable-error-branches.json (templates 1-3), metafield-definition-access-validation.json (shopify.color-pattern).
// Properties never captured are left unknown, so reading them fails loudly.

type Unknown = NonNullable<MetafieldDefinitionRecord["unknown"]>;
interface Template {
  id: number | null; namespace: string; key: string; ownerType: string;
  name?: string; description?: string | null; type?: string; validations?: { name: string; value: string }[];
  storefront?: string; capabilities: string[]; // capabilities the template allows (none captured as allowed)
}

const TEMPLATES: Template[] = [
  { id: 1, namespace: "descriptors", key: "subtitle", ownerType: "PRODUCT", name: "Product subtitle", description: "Used as a shorthand for a product name", validations: [{ name: "max", value: "70" }], capabilities: [] },
  { id: 3, namespace: "facts", key: "isbn", ownerType: "PRODUCT", capabilities: [] },
  { id: null, namespace: "shopify", key: "color-pattern", ownerType: "PRODUCT", storefront: "PUBLIC_READ", capabilities: [] },
];
// Template 2 is only captured rejecting capabilities (smart collection condition, unique values).
const CAPABILITY_ONLY_TEMPLATES = new Set([2]);

interface EnableArgs {
  ownerType: string; id?: string | null; namespace?: string | null; key?: string | null; pin?: boolean | null;
  visibleToStorefrontApi?: boolean | null; useAsCollectionCondition?: boolean | null;
  capabilities?: { smartCollectionCondition?: { enabled: boolean } | null; adminFilterable?: { enabled: boolean } | null; uniqueValues?: { enabled: boolean } | null } | null;
  access?: { admin?: string | null; storefront?: string | null; customerAccount?: string | null } | null;
}

const CAPABILITY_NAMES = { smartCollectionCondition: "smart_collection_condition", adminFilterable: "admin_filterable", uniqueValues: "unique_values" } as const;

export function standardMetafieldDefinitionEnable(args: EnableArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  const templateId = args.id ? Number(/^gid:\/\/shopify\/StandardMetafieldDefinitionTemplate\/(\d+)$/.exec(args.id)?.[1]) : null;
  const template = TEMPLATES.find((t) => t.ownerType === args.ownerType && (templateId != null ? t.id === templateId : t.namespace === args.namespace && t.key === args.key));
  const fail = (field: string[] | null, message: string, code: string) => ({ createdDefinition: null, userErrors: [{ field, message, code }] });

  if (args.access?.admin) return fail(["access"], 'Setting this access control is not permitted. It must be one of ["public_read_write"].', "INVALID");
  if (template?.namespace === "shopify" && args.access) return fail(["access"], "Setting access controls on a definition under this namespace is not permitted.", "INVALID");
  const requested = Object.entries(args.capabilities ?? {}).filter(([, v]) => v?.enabled).map(([k]) => k as keyof typeof CAPABILITY_NAMES);
  if (args.useAsCollectionCondition) requested.push("smartCollectionCondition");
  if (template || (templateId != null && CAPABILITY_ONLY_TEMPLATES.has(templateId))) {
    const bad = requested.find((c) => !template?.capabilities.includes(c));
    if (bad) return fail(null, `The capability ${CAPABILITY_NAMES[bad]} is not valid for this definition.`, "INVALID_CAPABILITY");
  }
  if (!template) throw notImplemented(info, "standardMetafieldDefinitionEnable of a template the twin has not recorded");
  if (args.pin) throw notImplemented(info, "standardMetafieldDefinitionEnable(pin: true)");
  const enabled = findMetafieldDefinition(ctx.state, ctx.shop.domain, template.ownerType, template.namespace, template.key);
  if (enabled) {
    // Enabling a definition the shop already has answers that definition, unchanged and without
    // userErrors (metafield-definition-access-validation.json: reservedBeforeSetup reads
    // shopify.color-pattern, then standardReservedSetup's enable answers the same id). Captured
    // without access, capability or visibility arguments only; with them it fails loudly.
    if (args.access || requested.length || args.visibleToStorefrontApi != null) throw notImplemented(info, "standardMetafieldDefinitionEnable of an enabled definition with options");
    return { createdDefinition: metafieldDefinitionNode(ctx, enabled), userErrors: [] };
  }
  const unknown: Unknown = [];
  if (template.name === undefined) unknown.push("name");
  if (template.description === undefined) unknown.push("description");
  if (template.type === undefined) unknown.push("type");
  if (template.validations === undefined) unknown.push("validations");
  const storefront = args.access?.storefront ?? (args.visibleToStorefrontApi === false ? "NONE" : template.storefront);
  if (storefront === undefined) unknown.push("access");
  const now = isoSeconds();
  const record: MetafieldDefinitionRecord = {
    id: ctx.state.nextId(), shop: ctx.shop.domain, namespace: template.namespace, key: template.key, ownerType: template.ownerType,
    name: template.name ?? "", description: template.description ?? null, type: template.type ?? "", validations: template.validations ?? [],
    pinnedPosition: null, standard: true, unknown,
    access: {
      admin: "PUBLIC_READ_WRITE",
      storefront: storefront ?? "",
      customerAccount: args.access?.customerAccount ?? "NONE",
    },
    createdAt: now, updatedAt: now,
  };
  metafieldDefinitionStore(ctx.state).set(record.id, record);
  registerNode(ctx.state, record.shop, { gid: gid("MetafieldDefinition", record.id), typename: "MetafieldDefinition" });
  return { createdDefinition: metafieldDefinitionNode(ctx, record), userErrors: [] };
}
