import { describe, expect, it } from "vitest";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { useTwin } from "../helpers";

// External videos in Files (media-file-update-validation-branches.json, media-file-update-filename-extension-aggregation.json).
describe("external video files", () => {
  const twin = useTwin({ scopes: ["write_files"] }, (sandbox) => void (simulatedDelays(sandbox.state).fileProcessingMs = 30));
  const gql = twin.call;

  it("creates an UPLOADED ExternalVideo that becomes READY and refuses filename / source updates", async () => {
    const created = await gql(`mutation($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { __typename id alt fileStatus } userErrors { field message code } } }`,
      { files: [{ contentType: "EXTERNAL_VIDEO", originalSource: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", alt: "seed video" }] });
    const file = created.json.data.fileCreate.files[0];
    expect(file).toMatchObject({ __typename: "ExternalVideo", alt: "seed video", fileStatus: "UPLOADED" });
    expect(file.id).toMatch(/^gid:\/\/shopify\/ExternalVideo\/\d+$/);

    await new Promise((r) => setTimeout(r, 60));
    const read = await gql(`{ files(first: 5, query: "media_type:EXTERNAL_VIDEO") { nodes { __typename fileStatus ... on ExternalVideo { host originUrl embedUrl mediaContentType } } } }`);
    expect(read.json.data.files.nodes).toEqual([{ __typename: "ExternalVideo", fileStatus: "READY", host: "YOUTUBE", originUrl: "https://youtu.be/dQw4w9WgXcQ", embedUrl: "https://www.youtube.com/embed/dQw4w9WgXcQ", mediaContentType: "EXTERNAL_VIDEO" }]);

    const UPDATE = `mutation($files: [FileUpdateInput!]!) { fileUpdate(files: $files) { files { id } userErrors { field message code } } }`;
    const rename = await gql(UPDATE, { files: [{ id: file.id, filename: "renamed.youtube" }] });
    expect(rename.json.data.fileUpdate).toEqual({ files: [], userErrors: [{ field: ["files"], message: "Updating the filename is only supported on images and generic files", code: "UNSUPPORTED_MEDIA_TYPE_FOR_FILENAME_UPDATE" }] });
    const source = await gql(UPDATE, { files: [{ id: file.id, originalSource: "https://cdn.example.com/new.mp4" }] });
    expect(source.json.data.fileUpdate).toEqual({ files: [], userErrors: [{ field: ["files", "0", "originalSource"], message: "Updating the original source is not supported for this media type.", code: "INVALID" }] });

    const deleted = await gql(`mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds userErrors { code } } }`, { ids: [file.id] });
    expect(deleted.json.data.fileDelete).toEqual({ deletedFileIds: [file.id], userErrors: [] });
  });
});
