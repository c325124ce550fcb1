import { describe, expect, it } from "vitest";
import { echoedInputs, synthesizeQuery } from "../../../sandbox/conformance/synthesize";

// Steps recorded with variables and response but no query text: the one query the response's
// shape allows is written from the schema, or none when the shape leaves a choice open.

describe("synthesizeQuery", () => {
  it("writes the mutation a setup step's response and variables call for", () => {
    const data = { productCreate: { product: { id: "gid://shopify/Product/1", title: "T", variants: { nodes: [{ id: "gid://shopify/ProductVariant/2", title: "Default Title" }] } }, userErrors: [] } };
    expect(synthesizeQuery({ product: { title: "T" } }, data)).toBe(
      "mutation Synthesized($product: ProductCreateInput) { productCreate(product: $product) { product { id title variants(first: 1) { nodes { id title } } } userErrors { __typename } } }",
    );
  });

  it("binds a differently named variable to the one required argument left, and puts concrete-type fields under a type condition", () => {
    const data = { product: { id: "gid://shopify/Product/1", media: { nodes: [{ id: "gid://shopify/MediaImage/3", status: "READY", image: { url: "https://cdn/x.png" } }] } } };
    expect(synthesizeQuery({ productId: "gid://shopify/Product/1" }, data)).toBe(
      "query Synthesized($productId: ID!) { product(id: $productId) { id media(first: 1) { nodes { id status ... on MediaImage { image { url } } } } } }",
    );
  });

  it("gives up where the response cannot say what was asked", () => {
    // an alias is not a field
    expect(synthesizeQuery({}, { first: { id: "gid://shopify/Product/1" } })).toBeUndefined();
    // a recorded variable that no argument takes
    expect(synthesizeQuery({ id: "gid://shopify/Product/1", extra: 1 }, { product: { id: "gid://shopify/Product/1" } })).toBeUndefined();
    // a field that needs arguments the recording does not hold
    expect(synthesizeQuery({ id: "gid://shopify/Product/1" }, { product: { metafield: null } })).toBeUndefined();
    // a mutation recorded without its variables: its input is not in the response
    expect(synthesizeQuery({}, { productCreate: { product: { id: "gid://shopify/Product/1" }, userErrors: [] } })).toBeUndefined();
    // root fields of two operation types
    expect(synthesizeQuery({}, { shop: { name: "x" }, productDelete: null })).toBeUndefined();
  });

  it("takes a mutation's inputs from its answer only when every required scalar argument is echoed under its own name", () => {
    expect(echoedInputs({ shopLocaleDisable: { locale: "fr", userErrors: [] } })).toEqual({ locale: "fr" });
    expect(echoedInputs({ shopLocaleDisable: { userErrors: [] } })).toBeUndefined();
    // input objects are never in the answer
    expect(echoedInputs({ productDelete: { deletedProductId: "gid://shopify/Product/1" } })).toBeUndefined();
  });
});
