import { describe, expect, it } from "vitest";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { graphql, startTestSandbox, useTwin } from "../helpers";

const UPDATE = `mutation($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { files { id alt fileStatus } userErrors { field message code } } }`;
const PRODUCT_MEDIA = `query($id: ID!) { product(id: $id) { media(first: 10) { nodes { id alt status } } variants(first: 1) { nodes { id media(first: 5) { nodes { id } } } } } }`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("fileUpdate references (files shown on products)", () => {
  const twin = useTwin({}, (twin) => void (simulatedDelays(twin.state).fileProcessingMs = 50));
  const gql = twin.call;

  const newProduct = async (title: string) => (await gql(`mutation($t: String!) { productCreate(product: { title: $t }) { product { id } } }`, { t: title })).json.data.productCreate.product.id as string;

  it("referencesToAdd puts a READY file on products; alt follows; fileDelete takes it off them", async () => {
    const [p1, p2] = [await newProduct("Ref one"), await newProduct("Ref two")];
    const created = await gql(`mutation { fileCreate(files: [{ originalSource: "https://placehold.co/300x200.png", contentType: IMAGE, alt: "Shared" }]) { files { id } } }`);
    const id = created.json.data.fileCreate.files[0].id;
    await wait(80);
    const attached = await gql(UPDATE, { f: [{ id, referencesToAdd: [p1, p2] }] });
    expect(attached.json.data.fileUpdate).toEqual({ files: [{ id, alt: "Shared", fileStatus: "READY" }], userErrors: [] });
    for (const p of [p1, p2]) expect((await gql(PRODUCT_MEDIA, { id: p })).json.data.product.media.nodes).toEqual([{ id, alt: "Shared", status: "READY" }]);
    await gql(UPDATE, { f: [{ id, alt: "Renamed" }] });
    expect((await gql(PRODUCT_MEDIA, { id: p1 })).json.data.product.media.nodes[0].alt).toBe("Renamed");
    // Listed once, not once per product.
    const listed = await gql(`query($q: String) { files(first: 10, query: $q) { nodes { id } } }`, { q: `id:${id.split("/").pop()}` });
    expect(listed.json.data.files.nodes).toEqual([{ id }]);

    await gql(UPDATE, { f: [{ id, referencesToRemove: [p2] }] });
    expect((await gql(PRODUCT_MEDIA, { id: p2 })).json.data.product.media.nodes).toEqual([]);
    await gql(`mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds } }`, { ids: [id] });
    expect((await gql(PRODUCT_MEDIA, { id: p1 })).json.data.product.media.nodes).toEqual([]);
  });

  it("referencesToRemove detaches product media from the product and its variants, leaving a READY file", async () => {
    const p = await newProduct("Detach");
    const media = await gql(`mutation($p: ID!) { productCreateMedia(productId: $p, media: [{ mediaContentType: IMAGE, originalSource: "https://placehold.co/640x480/png", alt: "Detach me" }]) { media { id } } }`, { p });
    const id = media.json.data.productCreateMedia.media[0].id;
    await wait(80);
    const variant = (await gql(PRODUCT_MEDIA, { id: p })).json.data.product.variants.nodes[0].id;
    const append = await gql(`mutation($p: ID!, $v: ID!, $m: ID!) { productVariantAppendMedia(productId: $p, variantMedia: [{ variantId: $v, mediaIds: [$m] }]) { userErrors { code } } }`, { p, v: variant, m: id });
    expect(append.json.data.productVariantAppendMedia.userErrors).toEqual([]);

    const detached = await gql(UPDATE, { f: [{ id, referencesToRemove: [p] }] });
    expect(detached.json.data.fileUpdate).toEqual({ files: [{ id, alt: "Detach me", fileStatus: "READY" }], userErrors: [] });
    const after = (await gql(PRODUCT_MEDIA, { id: p })).json.data.product;
    expect(after.media.nodes).toEqual([]);
    expect(after.variants.nodes[0].media.nodes).toEqual([]);
    const node = await gql(`query($id: ID!) { node(id: $id) { ... on MediaImage { id fileStatus image { width height } } } }`, { id });
    expect(node.json.data.node).toMatchObject({ id, fileStatus: "READY", image: { width: 640, height: 480 } });
  });
});

describe("fileUpdate references need write_products", () => {
  it("is denied as a whole without it", async () => {
    const sandbox = await startTestSandbox({ scopes: ["write_files", "read_products"] });
    simulatedDelays(sandbox.state).fileProcessingMs = 50;
    try {
      const token = sandbox.issueAccessToken();
      const created = await graphql(sandbox, token, `mutation { fileCreate(files: [{ originalSource: "https://placehold.co/100x100.png", contentType: IMAGE }]) { files { id } } }`);
      const id = created.json.data.fileCreate.files[0].id;
      await wait(80);
      const product = (await graphql(sandbox, token, `{ products(first: 1) { nodes { id } } }`)).json.data.products.nodes[0].id;
      // Unknown targets are reported first; a real product then needs the permission.
      const unknown = await graphql(sandbox, token, UPDATE, { f: [{ id, referencesToAdd: ["gid://shopify/Product/1"] }] });
      expect(unknown.json.data.fileUpdate.userErrors[0].code).toBe("REFERENCE_TARGET_DOES_NOT_EXIST");
      const res = await graphql(sandbox, token, UPDATE, { f: [{ id, referencesToAdd: [product] }] });
      expect(res.json).toMatchObject({
        data: { fileUpdate: null },
        errors: [{ message: "Access denied: Missing permission to manage products.", path: ["fileUpdate"], extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes" } }],
      });
      // Without references the same call reaches validation.
      const plain = await graphql(sandbox, token, UPDATE, { f: [{ id: "gid://shopify/MediaImage/1", alt: "x" }] });
      expect(plain.json.data.fileUpdate.userErrors[0].code).toBe("FILE_DOES_NOT_EXIST");
    } finally {
      await sandbox.close();
    }
  });
});
