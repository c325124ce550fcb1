import { describe, expect, it } from "vitest";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { useTwin } from "../helpers";

const STAGE = `mutation Stage($input: [StagedUploadInput!]!) {
  stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } }
}`;
const CREATE = `mutation Create($files: [FileCreateInput!]!) {
  fileCreate(files: $files) {
    files { __typename id alt fileStatus fileErrors { code } ... on MediaImage { mimeType image { url width height } preview { image { url } } } ... on GenericFile { mimeType url } }
    userErrors { field message code }
  }
}`;
const READ = `query($q: String) { files(first: 10, query: $q) { nodes { __typename id fileStatus fileErrors { code message }
  ... on MediaImage { mimeType image { url width height } } ... on GenericFile { mimeType url originalFileSize } } } }`;

/** A valid PNG header (signature + IHDR) of the given size — all the twin reads. */
function png(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "ascii");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}
/** A minimal baseline JPEG: SOI, an APP0 segment, then SOF0 with the size. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

describe("staged uploads and files", () => {
  const twin = useTwin({}, (twin) => void (simulatedDelays(twin.state).fileProcessingMs = 300));
  const gql = twin.call;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("PUT target → fileCreate UPLOADED → PROCESSING → READY with the image's real dimensions", async () => {
    const staged = await gql(STAGE, { input: [{ filename: "hero.png", mimeType: "image/png", resource: "IMAGE" }] });
    const target = staged.json.data.stagedUploadsCreate.stagedTargets[0];
    expect(target.parameters).toEqual([{ name: "content_type", value: "image/png" }, { name: "acl", value: "private" }]);
    expect(target.url.startsWith(`${twin.sandbox.origin}/staged-uploads/tmp/`)).toBe(true);
    expect(new URL(target.url).searchParams.get("X-Goog-Algorithm")).toBe("GOOG4-RSA-SHA256");

    const put = await fetch(target.url, { method: "PUT", headers: { "content-type": "image/png" }, body: new Uint8Array(png(640, 480)) });
    expect(put.status).toBe(200);

    const created = await gql(CREATE, { files: [{ originalSource: target.resourceUrl, contentType: "IMAGE", alt: "Hero" }] });
    expect(created.json.data.fileCreate.userErrors).toEqual([]);
    const file = created.json.data.fileCreate.files[0];
    expect(file).toMatchObject({ __typename: "MediaImage", alt: "Hero", fileStatus: "UPLOADED", fileErrors: [], mimeType: null, image: null, preview: { image: null } });

    const early = await gql(READ);
    expect(early.json.data.files.nodes[0]).toMatchObject({ id: file.id, fileStatus: "PROCESSING", image: null });
    await wait(350);
    const ready = await gql(READ);
    const node = ready.json.data.files.nodes[0];
    expect(node).toMatchObject({ id: file.id, fileStatus: "READY", mimeType: "image/png", image: { width: 640, height: 480 } });

    const cdn = await fetch(node.image.url);
    expect(cdn.status).toBe(200);
    expect(Buffer.from(await cdn.arrayBuffer()).equals(png(640, 480))).toBe(true);
  });

  it("POST target (multipart form) works too and reads JPEG dimensions; a generic file keeps its MIME type", async () => {
    const staged = await gql(STAGE, { input: [
      { filename: "look.jpg", mimeType: "image/jpeg", resource: "IMAGE", httpMethod: "POST" },
      { filename: "notes.txt", mimeType: "text/plain", resource: "FILE", httpMethod: "POST" },
    ] });
    const [imageTarget, fileTarget] = staged.json.data.stagedUploadsCreate.stagedTargets;
    expect(imageTarget.parameters.map((p: any) => p.name)).toEqual(["Content-Type", "success_action_status", "acl", "key", "x-goog-date", "x-goog-credential", "x-goog-algorithm", "x-goog-signature", "policy"]);
    for (const [t, bytes, type] of [[imageTarget, jpeg(1200, 800), "image/jpeg"], [fileTarget, Buffer.from("hello"), "text/plain"]] as const) {
      const form = new FormData();
      for (const p of t.parameters) form.append(p.name, p.value);
      form.append("file", new Blob([new Uint8Array(bytes)], { type }));
      const res = await fetch(t.url, { method: "POST", body: form });
      expect(res.status).toBe(201);
    }
    const created = await gql(CREATE, { files: [{ originalSource: imageTarget.resourceUrl }, { originalSource: fileTarget.resourceUrl }] });
    const [imageId, fileId] = created.json.data.fileCreate.files.map((f: any) => f.id);
    await wait(350);
    // The seeded shop's product images are files too, so look the new ones up by id.
    const img = await gql(READ, { q: "media_type:IMAGE" });
    expect(img.json.data.files.nodes.find((n: any) => n.id === imageId)).toMatchObject({ mimeType: "image/jpeg", image: { width: 1200, height: 800 } });
    const generic = await gql(READ, { q: "media_type:GENERIC_FILE" });
    expect(generic.json.data.files.nodes.find((n: any) => n.id === fileId)).toMatchObject({ __typename: "GenericFile", fileStatus: "READY", mimeType: "text/plain", originalFileSize: 5 });
  });

  it("fails bad content with fileErrors, and external URLs the offline twin cannot fetch", async () => {
    const staged = await gql(STAGE, { input: [{ filename: "fake.png", mimeType: "image/png", resource: "IMAGE" }] });
    const target = staged.json.data.stagedUploadsCreate.stagedTargets[0];
    await fetch(target.url, { method: "PUT", body: "not an image" });
    const created = await gql(CREATE, { files: [{ originalSource: target.resourceUrl }, { originalSource: "https://example.com/remote.jpg" }] });
    const ids = created.json.data.fileCreate.files.map((f: any) => f.id);
    await wait(350);
    const read = await gql(READ);
    const byId = Object.fromEntries(read.json.data.files.nodes.map((n: any) => [n.id, n]));
    expect(byId[ids[0]]).toMatchObject({ fileStatus: "FAILED", fileErrors: [{ code: "UNSUPPORTED_IMAGE_FILE_TYPE" }], image: null });
    expect(byId[ids[1]]).toMatchObject({ fileStatus: "FAILED", fileErrors: [{ code: "IMAGE_DOWNLOAD_FAILURE" }] });
  });

  it("validates like Shopify: bad MIME for IMAGE, data: URLs, filename mismatch, over-long sources", async () => {
    const staged = await gql(STAGE, { input: [{ resource: "IMAGE", filename: "x.exe", mimeType: "application/x-msdownload", httpMethod: "POST" }] });
    expect(staged.json.data.stagedUploadsCreate).toEqual({
      stagedTargets: [{ url: null, resourceUrl: null, parameters: [] }],
      userErrors: [{ field: ["input", "0", "mimeType"], message: "x.exe: (application/x-msdownload) is not a recognized format" }],
    });
    const bad = await gql(CREATE, { files: [{ originalSource: "data:image/png;base64,iVBORw0KGgo=" }] });
    expect(bad.json.data.fileCreate).toEqual({ files: [], userErrors: [{ field: ["files", "0", "originalSource"], message: "File URL is invalid", code: "INVALID_IMAGE_SOURCE_URL" }] });
    const mismatch = await gql(CREATE, { files: [{ originalSource: "https://example.com/a.png", filename: "a.jpg" }] });
    expect(mismatch.json.data.fileCreate.userErrors[0].code).toBe("MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE");
    const long = await gql(CREATE, { files: [{ originalSource: `https://example.com/${"a".repeat(2100)}` }] });
    expect(long.json).toMatchObject({ data: { fileCreate: null }, errors: [{ message: "originalSource is too long (maximum is 2048)", extensions: { code: "INVALID_FIELD_ARGUMENTS" } }] });
  });

  it("updates alt text with per-row errors, and deletes with aggregated missing ids", async () => {
    const list = await gql(READ, { q: "status:READY" });
    const id = list.json.data.files.nodes[0].id;
    const update = await gql(`mutation($files: [FileUpdateInput!]!) { fileUpdate(files: $files) { files { id alt } userErrors { field message code } } }`, {
      files: [{ id, alt: "New alt" }, { id, alt: "x".repeat(513) }],
    });
    expect(update.json.data.fileUpdate).toEqual({
      files: [{ id, alt: "New alt" }],
      userErrors: [{ field: ["files", "1", "alt"], message: "The alt value exceeds the maximum limit of 512 characters.", code: "ALT_VALUE_LIMIT_EXCEEDED" }],
    });
    const del = await gql(`mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds userErrors { field message code } } }`, {
      ids: ["gid://shopify/MediaImage/900000000000001", "gid://shopify/MediaImage/900000000000002"],
    });
    expect(del.json.data.fileDelete).toEqual({ deletedFileIds: null, userErrors: [{ field: ["fileIds"], message: "File ids gid://shopify/MediaImage/900000000000001,gid://shopify/MediaImage/900000000000002 do not exist.", code: "FILE_DOES_NOT_EXIST" }] });
    const ok = await gql(`mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds userErrors { code } } }`, { ids: [id] });
    expect(ok.json.data.fileDelete).toEqual({ deletedFileIds: [id], userErrors: [] });
  });
});
