import { describe, expect, it } from "vitest";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { productOperationDelays } from "../../../sandbox/shopify/catalog/resolvers/product-operations";
import { useSeededSandbox } from "./catalog-helpers";

// The branches of product-media-validation-branches.json and productCreateMedia-dual-userErrors.json,
// replayed in the state the recorder had: a product holding one READY seed image. (The conformance
// replay cannot build that seed, which the recording made in an unrecorded setup step.)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CREATE = `mutation C($productId: ID!, $media: [CreateMediaInput!]!) { productCreateMedia(productId: $productId, media: $media) {
  media { alt status } userErrors { field message } mediaUserErrors { field message code } product { media(first: 10) { nodes { alt status } } } } }`;
const UPDATE = `mutation U($productId: ID!, $media: [UpdateMediaInput!]!) { productUpdateMedia(productId: $productId, media: $media) {
  media { alt } userErrors { field message } mediaUserErrors { field message code } } }`;
const DELETE = `mutation D($productId: ID!, $mediaIds: [ID!]!) { productDeleteMedia(productId: $productId, mediaIds: $mediaIds) {
  deletedMediaIds deletedProductImageIds userErrors { field message } mediaUserErrors { field message code } } }`;
const UNKNOWN = "gid://shopify/MediaImage/999999999999";

describe("product media validation against a product with a ready seed image", () => {
  const t = useSeededSandbox();

  async function productWithReadySeed() {
    simulatedDelays(t.sandbox.state).fileProcessingMs = 50;
    const p = await t.gql(`mutation { productCreate(product: { title: "Media Branches Holder", status: DRAFT }) { product { id } } }`);
    const productId = p.data.productCreate.product.id;
    const seed = await t.gql(CREATE, { productId, media: [{ mediaContentType: "IMAGE", originalSource: "https://placehold.co/600x400/png", alt: "Front view" }] });
    await sleep(120);
    const read = await t.gql(`query R($id: ID!) { product(id: $id) { media(first: 10) { nodes { id alt status } } } }`, { id: productId });
    expect(read.data.product.media.nodes).toEqual([{ id: expect.any(String), alt: "Front view", status: "READY" }]);
    expect(seed.data.productCreateMedia.media).toEqual([{ alt: "Front view", status: "UPLOADED" }]);
    return { productId, seedId: read.data.product.media.nodes[0].id as string };
  }

  it("create: an empty list and an invalid source leave the seed alone; a mixed list creates the valid entry", async () => {
    const { productId } = await productWithReadySeed();
    const seedOnly = { nodes: [{ alt: "Front view", status: "READY" }] };
    const empty = (await t.gql(CREATE, { productId, media: [] })).data.productCreateMedia;
    expect(empty).toEqual({ media: [], userErrors: [], mediaUserErrors: [], product: { media: seedOnly } });
    const invalid = (await t.gql(CREATE, { productId, media: [{ mediaContentType: "IMAGE", originalSource: "not-a-url", alt: "Invalid source" }] })).data.productCreateMedia;
    expect(invalid).toEqual({
      media: [],
      userErrors: [{ field: ["media", "0", "originalSource"], message: "Image URL is invalid" }],
      mediaUserErrors: [{ field: ["media", "0", "originalSource"], message: "Image URL is invalid", code: "INVALID" }],
      product: { media: seedOnly },
    });
    const mixed = (await t.gql(CREATE, {
      productId,
      media: [
        { mediaContentType: "IMAGE", originalSource: "https://placehold.co/600x400/png", alt: "Valid in mixed create" },
        { mediaContentType: "IMAGE", originalSource: "not-a-url", alt: "Invalid in mixed create" },
      ],
    })).data.productCreateMedia;
    expect(mixed.media).toEqual([{ alt: "Valid in mixed create", status: "UPLOADED" }]);
    expect(mixed.mediaUserErrors).toEqual([{ field: ["media", "1", "originalSource"], message: "Image URL is invalid", code: "INVALID" }]);
    expect(mixed.product.media.nodes).toEqual([{ alt: "Front view", status: "READY" }, { alt: "Valid in mixed create", status: "UPLOADED" }]);
  });

  it("update/delete: one unknown id rejects the batch and only the unknown id is named", async () => {
    const { productId, seedId } = await productWithReadySeed();
    const missing = { field: null as unknown, message: `Media id ${UNKNOWN} does not exist` };
    const update = (await t.gql(UPDATE, { productId, media: [{ id: seedId, alt: "Rejected update" }, { id: UNKNOWN, alt: "Unknown media" }] })).data.productUpdateMedia;
    expect(update).toEqual({
      media: null,
      userErrors: [{ ...missing, field: ["media"] }],
      mediaUserErrors: [{ ...missing, field: ["media"], code: "MEDIA_DOES_NOT_EXIST" }],
    });
    const del = (await t.gql(DELETE, { productId, mediaIds: [seedId, UNKNOWN] })).data.productDeleteMedia;
    expect(del).toEqual({
      deletedMediaIds: null,
      deletedProductImageIds: null,
      userErrors: [{ ...missing, field: ["mediaIds"] }],
      mediaUserErrors: [{ ...missing, field: ["mediaIds"], code: "MEDIA_DOES_NOT_EXIST" }],
    });
    // Nothing was changed by the rejected batches.
    const read = await t.gql(`query R($id: ID!) { product(id: $id) { media(first: 10) { nodes { id alt } } } }`, { id: productId });
    expect(read.data.product.media.nodes).toEqual([{ id: seedId, alt: "Front view" }]);
  });

  it("asynchronous productSet creates its product once, with the title's handle", async () => {
    productOperationDelays(t.sandbox.state).runMs = 50;
    const title = "Cold Authoritative Handle Probe";
    const set = await t.gql(`mutation S($input: ProductSetInput!) { productSet(input: $input, synchronous: false) { product { id } productSetOperation { id status } userErrors { message } } }`, { input: { title, status: "DRAFT" } });
    expect(set.data.productSet).toMatchObject({ product: null, productSetOperation: { status: "CREATED" }, userErrors: [] });
    await sleep(120);
    const op = await t.gql(`query O($id: ID!) { productOperation(id: $id) { status product { title handle status } } }`, { id: set.data.productSet.productSetOperation.id });
    expect(op.data.productOperation).toEqual({ status: "COMPLETE", product: { title, handle: "cold-authoritative-handle-probe", status: "DRAFT" } });
  });
});
