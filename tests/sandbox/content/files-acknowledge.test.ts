import { describe, expect, it } from "vitest";
import { simulatedDelays } from "../../../sandbox/shopify/platform/app-identity";
import { useTwin } from "../helpers";

const ACK = `mutation($ids: [ID!]!) { fileAcknowledgeUpdateFailed(fileIds: $ids) { files { id fileStatus } userErrors { field message code } } }`;

describe("fileAcknowledgeUpdateFailed", () => {
  const twin = useTwin({}, (twin) => void (simulatedDelays(twin.state).fileProcessingMs = 100));
  const gql = twin.call;

  it("names the first unknown id, then every non-READY file, and returns READY files", async () => {
    const staged = await gql(`mutation { stagedUploadsCreate(input: [{ filename: "a.txt", mimeType: "text/plain", resource: FILE }]) { stagedTargets { url resourceUrl } } }`);
    const target = staged.json.data.stagedUploadsCreate.stagedTargets[0];
    expect((await fetch(target.url, { method: "PUT", body: "hello" })).status).toBe(200);
    const create = await gql(`mutation($f: [FileCreateInput!]!) { fileCreate(files: $f) { files { id } } }`, {
      f: [{ originalSource: target.resourceUrl, contentType: "FILE" }, { originalSource: target.resourceUrl, contentType: "FILE" }],
    });
    const [a, b] = create.json.data.fileCreate.files.map((f: { id: string }) => f.id);

    const unknown = await gql(ACK, { ids: ["gid://shopify/MediaImage/900000000000005", a] });
    expect(unknown.json.data.fileAcknowledgeUpdateFailed).toEqual({
      files: null, userErrors: [{ field: ["fileIds"], message: "File id gid://shopify/MediaImage/900000000000005 does not exist.", code: "FILE_DOES_NOT_EXIST" }],
    });
    expect((await gql(ACK, { ids: [a] })).json.data.fileAcknowledgeUpdateFailed.userErrors).toEqual([
      { field: ["fileIds"], message: `File with id ${a} is not in the READY state.`, code: "NON_READY_STATE" },
    ]);
    expect((await gql(ACK, { ids: [a, b] })).json.data.fileAcknowledgeUpdateFailed.userErrors[0].message).toBe(`Files with ids ${a}, ${b} are not in the READY state.`);

    await new Promise((r) => setTimeout(r, 150));
    expect((await gql(ACK, { ids: [a] })).json.data.fileAcknowledgeUpdateFailed).toEqual({ files: [{ id: a, fileStatus: "READY" }], userErrors: [] });

    const missing = await gql(`mutation($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { userErrors { message } } }`, { f: [{ id: "gid://shopify/GenericFile/1", alt: "x" }] });
    expect(missing.json.data.fileUpdate.userErrors[0].message).toBe('File id ["gid://shopify/GenericFile/1"] does not exist.');
  });
});
