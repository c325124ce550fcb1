import { describe, expect, it } from "vitest";
import { remoteImage } from "../../../sandbox/shopify/content/remote-sources";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { useTwin } from "../helpers";

const CREATE = `mutation($files: [FileCreateInput!]!) { fileCreate(files: $files) {
  files { __typename id fileStatus } userErrors { field message code } } }`;
const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on File { fileStatus fileErrors { code } }
  ... on MediaImage { mimeType image { width height url } } ... on Video { status mediaContentType } } }`;

describe("remote sources the offline twin can answer (placeholder-image URLs)", () => {
  it("reads size and format from the URL grammar, and nothing from other hosts", () => {
    expect(remoteImage("https://placehold.co/600x400.jpg")).toMatchObject({ width: 600, height: 400, mimeType: "image/jpeg" });
    expect(remoteImage("https://placehold.co/640x480/png?text=front")).toMatchObject({ width: 640, height: 480, mimeType: "image/png" });
    expect(remoteImage("https://placehold.co/300")).toMatchObject({ width: 300, height: 300, mimeType: "image/svg+xml" });
    expect(remoteImage("https://placehold.co/200x100@2x/orange/white.webp")).toMatchObject({ width: 400, height: 200, mimeType: "image/webp" });
    expect(remoteImage("https://placehold.co/5x5.png")).toBeUndefined();
    expect(remoteImage("https://example.com/600x400.jpg")).toBeUndefined();
    expect(remoteImage("not-a-url")).toBeUndefined();
  });

  const twin = useTwin({}, (twin) => void (simulatedDelays(twin.state).fileProcessingMs = 100));
  const gql = twin.call;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("fileCreate from a placeholder URL becomes READY with its size; an unknown host FAILS to download", async () => {
    const created = await gql(CREATE, { files: [{ originalSource: "https://placehold.co/640x480.jpg", contentType: "IMAGE" }, { originalSource: "https://example.com/photo.jpg" }] });
    const [ok, bad] = created.json.data.fileCreate.files;
    expect(ok.fileStatus).toBe("UPLOADED");
    await wait(150);
    const node = (await gql(NODE, { id: ok.id })).json.data.node;
    expect(node).toMatchObject({ __typename: "MediaImage", fileStatus: "READY", mimeType: "image/jpeg", image: { width: 640, height: 480 } });
    const served = await fetch(node.image.url);
    expect(served.status).toBe(200);
    expect((await gql(NODE, { id: bad.id })).json.data.node).toMatchObject({ fileStatus: "FAILED", fileErrors: [{ code: "IMAGE_DOWNLOAD_FAILURE" }] });
  });

  it("product media are files: node, files, fileAcknowledgeUpdateFailed and fileDelete see them", async () => {
    const product = await gql(`mutation { productCreate(product: { title: "Files bridge" }) { product { id } } }`);
    const productId = product.json.data.productCreate.product.id;
    const media = await gql(`mutation($p: ID!) { productCreateMedia(productId: $p, media: [{ mediaContentType: IMAGE, originalSource: "https://placehold.co/610x410/png", alt: "Front" }]) {
      media { id status } mediaUserErrors { code } } }`, { p: productId });
    const mediaId = media.json.data.productCreateMedia.media[0].id;
    expect(media.json.data.productCreateMedia.media[0].status).toBe("UPLOADED");
    await wait(150);
    expect((await gql(NODE, { id: mediaId })).json.data.node).toMatchObject({ __typename: "MediaImage", fileStatus: "READY", mimeType: "image/png", image: { width: 610, height: 410 } });
    const listed = await gql(`query($q: String) { files(first: 5, query: $q) { nodes { id alt } } }`, { q: `id:${mediaId.split("/").pop()}` });
    expect(listed.json.data.files.nodes).toEqual([{ id: mediaId, alt: "Front" }]);
    const ack = await gql(`mutation($ids: [ID!]!) { fileAcknowledgeUpdateFailed(fileIds: $ids) { files { id fileStatus } userErrors { code } } }`, { ids: [mediaId] });
    expect(ack.json.data.fileAcknowledgeUpdateFailed).toEqual({ files: [{ id: mediaId, fileStatus: "READY" }], userErrors: [] });
    const updated = await gql(`mutation($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { files { id alt } userErrors { code } } }`, { f: [{ id: mediaId, alt: "Renamed" }] });
    expect(updated.json.data.fileUpdate).toEqual({ files: [{ id: mediaId, alt: "Renamed" }], userErrors: [] });
    const deleted = await gql(`mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds userErrors { code } } }`, { ids: [mediaId] });
    expect(deleted.json.data.fileDelete).toEqual({ deletedFileIds: [mediaId], userErrors: [] });
    const after = await gql(`query($id: ID!) { product(id: $id) { media(first: 5) { nodes { id } } } }`, { id: productId });
    expect(after.json.data.product.media.nodes).toEqual([]);
  });

  it("productCreateMedia processes a staged upload's bytes (and fails an unreachable URL)", async () => {
    const staged = await gql(`mutation { stagedUploadsCreate(input: [{ resource: PRODUCT_IMAGE, filename: "shot.png", mimeType: "image/png" }]) { stagedTargets { url resourceUrl } } }`);
    const target = staged.json.data.stagedUploadsCreate.stagedTargets[0];
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
    png.writeUInt32BE(13, 8);
    png.write("IHDR", 12, "ascii");
    png.writeUInt32BE(320, 16);
    png.writeUInt32BE(240, 20);
    expect((await fetch(target.url, { method: "PUT", body: new Uint8Array(png) })).status).toBe(200);
    const product = await gql(`mutation { productCreate(product: { title: "Staged media" }) { product { id } } }`);
    const productId = product.json.data.productCreate.product.id;
    await gql(`mutation($p: ID!, $m: [CreateMediaInput!]!) { productCreateMedia(productId: $p, media: $m) { media { id } } }`, {
      p: productId, m: [{ mediaContentType: "IMAGE", originalSource: target.resourceUrl }, { mediaContentType: "IMAGE", originalSource: "https://example.com/x.png" }],
    });
    await wait(150);
    const read = await gql(`query($id: ID!) { product(id: $id) { media(first: 5) { nodes { status ... on MediaImage { mimeType image { width height } } } } } }`, { id: productId });
    expect(read.json.data.product.media.nodes).toEqual([
      { status: "READY", mimeType: "image/png", image: { width: 320, height: 240 } },
      { status: "FAILED", mimeType: null, image: null },
    ]);
  });

  it("fileUpdate: typed ids, whole-batch filename rules, per-row source errors, over-long source as an argument error", async () => {
    const created = await gql(CREATE, { files: [
      { originalSource: "https://placehold.co/600x400.jpg", filename: "a.jpg", contentType: "IMAGE" },
      { originalSource: "https://placehold.co/600x400.jpg", filename: "b.jpg", contentType: "IMAGE" },
      { originalSource: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", contentType: "EXTERNAL_VIDEO" },
    ] });
    const [a, b, video] = created.json.data.fileCreate.files.map((f: { id: string }) => f.id);
    await wait(150);
    const UPDATE = `mutation($f: [FileUpdateInput!]!) {
  fileUpdate(files: $f) { files { id alt } userErrors { field message code } } }`;
    const update = async (f: unknown[]) => (await gql(UPDATE, { f })).json;

    expect((await update([{ id: a.replace("MediaImage", "Video"), alt: "x" }])).data.fileUpdate.userErrors[0].code).toBe("FILE_DOES_NOT_EXIST");
    expect((await update([{ id: a, filename: "a.JPG" }, { id: b, filename: "b.png" }])).data.fileUpdate).toEqual({
      files: [], userErrors: [{ field: ["files"], message: "The filename extension provided must match the original filename.", code: "INVALID_FILENAME_EXTENSION" }],
    });
    expect((await update([{ id: video, filename: "v.mp4" }])).data.fileUpdate.userErrors).toEqual([
      { field: ["files"], message: "Updating the filename is only supported on images and generic files", code: "UNSUPPORTED_MEDIA_TYPE_FOR_FILENAME_UPDATE" },
    ]);
    expect((await update([{ id: a, referencesToAdd: ["gid://shopify/Product/1"] }])).data.fileUpdate.userErrors[0].code).toBe("REFERENCE_TARGET_DOES_NOT_EXIST");
    const conflict = "Cannot update the preview image and image at the same time because they are one and the same.";
    expect((await update([{ id: a, originalSource: "https://placehold.co/800x600.jpg", previewImageSource: "https://placehold.co/320x240.jpg" }, { id: b, alt: "B" }])).data.fileUpdate).toEqual({
      files: [{ id: b, alt: "B" }],
      userErrors: [{ field: ["files", "0", "previewImageSource"], message: conflict, code: "INVALID" }, { field: ["files", "0", "originalSource"], message: conflict, code: "INVALID" }],
    });
    expect((await update([{ id: a, originalSource: "not-a-url" }])).data.fileUpdate.userErrors).toEqual([
      { field: ["files", "0", "previewImageSource"], message: "Invalid image source url value provided", code: "INVALID_IMAGE_SOURCE_URL" },
    ]);
    expect((await update([{ id: video, originalSource: "https://www.youtube.com/watch?v=oHg5SJYRHA0" }])).data.fileUpdate.userErrors).toEqual([
      { field: ["files", "0", "originalSource"], message: "Updating the original source is not supported for this media type.", code: "INVALID" },
    ]);
    const long = await update([{ id: "gid://shopify/MediaImage/1", originalSource: `https://example.com/${"a".repeat(2100)}` }]);
    expect(long).toMatchObject({ data: { fileUpdate: null }, errors: [{ message: "originalSource is too long (maximum is 2048)", path: ["fileUpdate"], extensions: { code: "INVALID_FIELD_ARGUMENTS" } }] });
    // Located at the field (line 2) and at the $f variable definition (line 1), as Shopify does.
    expect(long.errors[0].locations).toEqual([{ line: 2, column: 3 }, { line: 1, column: 10 }]);
  });

  it("fileUpdate(originalSource:) keeps the file READY, nulls its image until processed; a failed replacement waits for fileAcknowledgeUpdateFailed", async () => {
    const created = await gql(CREATE, { files: [{ originalSource: "https://placehold.co/600x400.jpg", contentType: "IMAGE" }] });
    const id = created.json.data.fileCreate.files[0].id;
    await wait(150);
    const READ = `query($id: ID!) { node(id: $id) { ... on MediaImage { fileStatus fileErrors { code } image { width } preview { image { width } } } } }`;
    const UPDATE = `mutation($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { files { ... on MediaImage { fileStatus image { width } preview { image { width } } } } userErrors { code } } }`;
    const replaced = await gql(UPDATE, { f: [{ id, originalSource: "https://placehold.co/800x600.jpg" }] });
    expect(replaced.json.data.fileUpdate).toEqual({ files: [{ fileStatus: "READY", image: null, preview: { image: { width: 600 } } }], userErrors: [] });
    await wait(150);
    expect((await gql(READ, { id })).json.data.node).toEqual({ fileStatus: "READY", fileErrors: [], image: { width: 800 }, preview: { image: { width: 800 } } });

    await gql(UPDATE, { f: [{ id, originalSource: "https://example.com/not-an-image.jpg" }] });
    await wait(150);
    expect((await gql(READ, { id })).json.data.node).toEqual({ fileStatus: "READY", fileErrors: [{ code: "IMAGE_DOWNLOAD_FAILURE" }], image: null, preview: { image: { width: 800 } } });
    const ack = await gql(`mutation($ids: [ID!]!) { fileAcknowledgeUpdateFailed(fileIds: $ids) { files { ... on MediaImage { fileStatus image { width } } } userErrors { code } } }`, { ids: [id] });
    expect(ack.json.data.fileAcknowledgeUpdateFailed).toEqual({ files: [{ fileStatus: "READY", image: { width: 800 } }], userErrors: [] });
    expect((await gql(READ, { id })).json.data.node.fileErrors).toEqual([]);
  });

  it("VIDEO staged targets take Google's V2 form (204), and fileCreate makes a Video that stays UPLOADED until READY", async () => {
    const staged = await gql(`mutation { stagedUploadsCreate(input: [{ resource: VIDEO, filename: "clip.mp4", mimeType: "video/mp4", fileSize: "5", httpMethod: POST }]) {
      stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }`);
    const target = staged.json.data.stagedUploadsCreate.stagedTargets[0];
    expect(target.parameters.map((p: { name: string }) => p.name)).toEqual(["GoogleAccessId", "key", "policy", "signature"]);
    expect(target.resourceUrl).toMatch(/\?external_video_id=\d+$/);
    const form = new FormData();
    for (const p of target.parameters) form.append(p.name, p.value);
    form.append("file", new Blob([new Uint8Array(Buffer.from("video"))], { type: "video/mp4" }));
    expect((await fetch(target.url, { method: "POST", body: form })).status).toBe(204);

    const created = await gql(CREATE, { files: [{ originalSource: target.resourceUrl, alt: "Clip" }] });
    const file = created.json.data.fileCreate.files[0];
    expect(file).toMatchObject({ __typename: "Video", fileStatus: "UPLOADED" });
    expect((await gql(NODE, { id: file.id })).json.data.node).toMatchObject({ __typename: "Video", fileStatus: "UPLOADED", status: "UPLOADED", mediaContentType: "VIDEO" });
    await wait(150);
    expect((await gql(NODE, { id: file.id })).json.data.node).toMatchObject({ fileStatus: "READY", status: "READY" });
  });
});
