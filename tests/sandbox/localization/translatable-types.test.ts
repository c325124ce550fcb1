import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAPTURE_SHOP, captureShop, installTestSource, productFields, startTwin, type TestResources, type TwinClient } from "./fixtures";

// translatableResources for a type no domain serves: empty only when the twin cannot hold such
// resources (captured: ARTICLE on a shop without articles), loud when a real shop always has them
// (SHOP, themes, menus…) or when they derive from data the twin holds (product options).

const LIST = `query($type: TranslatableResourceType!) { translatableResources(first: 5, resourceType: $type) { nodes { resourceId } } }`;

let twin: TwinClient;
let products: TestResources;
beforeAll(async () => {
  products = installTestSource("PRODUCT");
  twin = await startTwin(captureShop());
});
afterAll(async () => {
  await twin.sandbox.close();
  products.restore();
});

const list = (type: string) => twin.gql(LIST, { type });

describe("translatableResources of unserved types", () => {
  it.each(["ARTICLE", "BLOG", "PAGE", "COLLECTION_IMAGE"])("lists %s as empty: the twin cannot hold any", async (type) => {
    expect(await list(type)).toEqual({ data: { translatableResources: { nodes: [] } }, extensions: expect.anything() });
  });

  it.each(["SHOP", "ONLINE_STORE_THEME", "MENU", "PACKING_SLIP_TEMPLATE", "EMAIL_TEMPLATE"])("fails loudly for %s, which every shop has", async (type) => {
    const res = await list(type);
    expect(res.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });

  it("lists product options as empty without products, and fails loudly once a product exists", async () => {
    expect((await list("PRODUCT_OPTION")).data.translatableResources.nodes).toEqual([]);
    expect((await list("METAFIELD")).data.translatableResources.nodes).toEqual([]);
    products.put(CAPTURE_SHOP, "gid://shopify/Product/1", productFields({ title: "Shirt", handle: "shirt" }));
    for (const type of ["PRODUCT_OPTION", "PRODUCT_OPTION_VALUE"]) {
      expect((await list(type)).errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
    }
  });
});
