import { gid, type AdminContext } from "../admin-graphql/context";
import { registerNode } from "../state";
import { isoSeconds } from "../platform/app-identity";
import { definitionNode, moError } from "./metaobject-definitions";
import { STANDARD_TEMPLATES } from "./metaobject-standard-templates";
import { definitionByType, metaobjectStore, type MetaobjectDefinitionRecord } from "./metaobjects-store";

// Mutation.standardMetaobjectDefinitionEnable: creates the shop's definition from a Shopify template
// (standard-metaobject-templates.json, standard-metaobject-definition-enable-catalog.json,
// metaobject-definition-draft-flow.json for the unknown-type error).

export const standardTemplate = (type: string) => STANDARD_TEMPLATES.find((t) => t.type === type);

export function standardMetaobjectDefinitionEnable(args: { type: string }, ctx: AdminContext) {
  const template = standardTemplate(args.type);
  if (!template) return { metaobjectDefinition: null, userErrors: [moError(["type"], "Record not found", "RECORD_NOT_FOUND")] };
  // Enabling it again answers the existing definition (standard-metaobject-definition-enable-catalog duplicateFirst/Second).
  const existing = definitionByType(ctx.state, ctx.shop.domain, template.type);
  if (existing) return { metaobjectDefinition: definitionNode(ctx, existing), userErrors: [] };
  const now = isoSeconds();
  const record: MetaobjectDefinitionRecord = {
    id: ctx.state.nextId(),
    shop: ctx.shop.domain,
    type: template.type,
    ownerApiKey: null,
    creatorApiKey: ctx.token.apiKey,
    name: template.name,
    description: template.description,
    displayNameKey: template.displayNameKey,
    access: { ...template.access, customerAccount: "NONE" }, // customerAccount not captured for templates; the create default
    capabilities: { ...template.capabilities, urlHandle: null },
    fieldDefinitions: template.fieldDefinitions.map((f) => ({ ...f, validations: f.validations.map((v) => ({ ...v })), adminFilterable: false })),
    createdAt: now,
    updatedAt: now,
  };
  metaobjectStore(ctx.state).definitions.set(record.id, record);
  registerNode(ctx.state, record.shop, { gid: gid("MetaobjectDefinition", record.id), typename: "MetaobjectDefinition" });
  return { metaobjectDefinition: definitionNode(ctx, record), userErrors: [] };
}
