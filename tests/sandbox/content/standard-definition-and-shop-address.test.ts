import { describe, expect, it } from "vitest";
import { useTwin } from "../helpers";

// Enabling a standard metafield definition the shop already has (metafield-definition-access-validation.json
// standardReservedSetup), and Shop.shopAddress (store-properties-baseline.json).

const twin = useTwin();
const ENABLE = "mutation E($access: StandardMetafieldDefinitionAccessInput) { standardMetafieldDefinitionEnable(ownerType: PRODUCT, namespace: \"shopify\", key: \"color-pattern\", access: $access) { createdDefinition { id namespace key } userErrors { field message code } } }";

describe("standardMetafieldDefinitionEnable of an enabled definition", () => {
  it("answers the existing definition without userErrors", async () => {
    const first = await twin.gql(ENABLE);
    const id = first.data.standardMetafieldDefinitionEnable.createdDefinition.id;
    const again = await twin.gql(ENABLE);
    expect(again.data.standardMetafieldDefinitionEnable).toEqual({ createdDefinition: { id, namespace: "shopify", key: "color-pattern" }, userErrors: [] });
    const read = await twin.gql("{ metafieldDefinition(identifier: { ownerType: PRODUCT, namespace: \"shopify\", key: \"color-pattern\" }) { id } }");
    expect(read.data.metafieldDefinition.id).toBe(id);
  });

  it("keeps the access refusal for the shopify namespace", async () => {
    const body = await twin.gql(ENABLE, { access: { storefront: "PUBLIC_READ" } });
    expect(body.data.standardMetafieldDefinitionEnable.userErrors[0].message).toBe("Setting access controls on a definition under this namespace is not permitted.");
  });
});

describe("Shop.shopAddress", () => {
  it("fails loudly for a shop without a known address", async () => {
    const body = await twin.gql("{ shop { shopAddress { city } } }");
    expect(body.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });

  it("answers the address a shop was set up with, named after the shop; fields it does not hold fail loudly", async () => {
    const shop = twin.sandbox.state.shops.get(twin.sandbox.defaultShop)!;
    shop.address = { city: "Ottawa", provinceCode: "ON", countryCodeV2: "CA" };
    try {
      const body = await twin.gql("{ shop { id shopAddress { id city provinceCode countryCodeV2 } } }");
      expect(body.data.shop.shopAddress).toEqual({ id: body.data.shop.id.replace("/Shop/", "/ShopAddress/"), city: "Ottawa", provinceCode: "ON", countryCodeV2: "CA" });
      const missing = await twin.gql("{ shop { shopAddress { zip } } }");
      expect(missing.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
    } finally {
      delete shop.address;
    }
  });
});
