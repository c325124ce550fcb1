import type { GraphQLResolveInfo } from "graphql";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";

// MetafieldDefinition.capabilities of a definition created without capability input (all disabled).
// Which owner type + value type is eligible for which capability is only known where the captures
// show it (metafield-definition-lifecycle-mutations.json 2026-04, metafield-definitions-product-read.json,
// metafield-definition-access-validation.json, metafield-definition-non-product-*.json); any other
// combination fails loudly instead of guessing. analyticsQueryable / cartToOrderCopyable were never
// captured and are left out (selecting them fails loudly).

type Eligibility = { adminFilterable: boolean; smartCollectionCondition: boolean; uniqueValues: boolean };

const CAPTURED: Record<string, Eligibility> = {
  "PRODUCT single_line_text_field": { adminFilterable: true, smartCollectionCondition: true, uniqueValues: true },
  "PRODUCT dimension": { adminFilterable: true, smartCollectionCondition: false, uniqueValues: false },
  "PRODUCT list.metaobject_reference": { adminFilterable: true, smartCollectionCondition: true, uniqueValues: false },
  "ORDER json": { adminFilterable: false, smartCollectionCondition: false, uniqueValues: false },
};

export function definitionCapabilities(ownerType: string, type: string) {
  return (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
    const eligible = CAPTURED[`${ownerType} ${type}`];
    if (!eligible) throw notImplemented(info, `MetafieldDefinition.capabilities of a ${ownerType} ${type} definition`);
    return {
      __typename: "MetafieldCapabilities",
      adminFilterable: { __typename: "MetafieldCapabilityAdminFilterable", enabled: false, eligible: eligible.adminFilterable, status: "NOT_FILTERABLE" },
      smartCollectionCondition: { __typename: "MetafieldCapabilitySmartCollectionCondition", enabled: false, eligible: eligible.smartCollectionCondition },
      uniqueValues: { __typename: "MetafieldCapabilityUniqueValues", enabled: false, eligible: eligible.uniqueValues },
    };
  };
}
