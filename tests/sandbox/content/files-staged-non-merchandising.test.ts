import { describe, expect, it } from "vitest";
import { useTwin } from "../helpers";

// stagedUploadsCreate for non-merchandising resources (media-staged-uploads-create-non-merchandising.json)
// and the empty fileSavedSearches connection (files-upload-live-capture.json).
const STAGE = `mutation Stage($input: [StagedUploadInput!]!) {
  stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } }
}`;

describe("staged targets for non-merchandising resources", () => {
  const twin = useTwin({ scopes: ["write_files"] });
  const gql = twin.call;

  const stage = async (resource: string, filename: string, mimeType: string, httpMethod: "POST" | "PUT") => {
    const res = await gql(STAGE, { input: [{ resource, filename, mimeType, httpMethod }] });
    expect(res.json.data.stagedUploadsCreate.userErrors).toEqual([]);
    const t = res.json.data.stagedUploadsCreate.stagedTargets[0];
    return { ...t, key: t.parameters.find((p: { name: string }) => p.name === "key")?.value as string | undefined };
  };

  it("files each resource under Shopify's folder", async () => {
    const redirect = await stage("URL_REDIRECT_IMPORT", "redirects.csv", "text/csv", "POST");
    expect(redirect.key).toMatch(/^tmp\/\d+\/redirect_imports\/[0-9a-f-]{36}\/redirects\.csv$/);
    expect(redirect.resourceUrl).toBe(redirect.url); // the bare bucket URL, as captured
    const label = await stage("RETURN_LABEL", "label.pdf", "application/pdf", "POST");
    expect(label.key).toMatch(/^tmp\/\d+\/return_labels\/[0-9a-f-]{36}\/[0-9a-f]{32}\.pdf$/);
    expect(label.resourceUrl).toMatch(new RegExp(`/staged-uploads/${label.key!.replace(/\//g, "\\/")}$`));
    const dispute = await stage("DISPUTE_FILE_UPLOAD", "dispute.pdf", "application/pdf", "POST");
    expect(dispute.key).toMatch(/^tmp\/\d+\/payments_file_uploads\/[0-9a-f-]{36}\/dispute\.pdf$/);
    const put = await stage("DISPUTE_FILE_UPLOAD", "dispute-put.pdf", "application/pdf", "PUT");
    expect(put.url).toMatch(/\/staged-uploads\/tmp\/\d+\/payments_file_uploads\/[0-9a-f-]{36}\/dispute-put\.pdf\?X-Goog-Algorithm=/);
  });

  it("refuses SHOP_IMAGE targets with a bare field-level ACCESS_DENIED, whatever else is asked", async () => {
    const res = await gql(STAGE, { input: [{ resource: "IMAGE", filename: "a.png", mimeType: "image/png" }, { resource: "SHOP_IMAGE", filename: "logo.png", mimeType: "image/png", httpMethod: "POST" }] });
    expect(res.json.data).toEqual({ stagedUploadsCreate: null });
    expect(res.json.errors).toEqual([{
      message: "Access denied for stagedUploadsCreate field.",
      locations: [{ line: 2, column: 3 }],
      path: ["stagedUploadsCreate"],
      extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes" },
    }]);
  });

  it("answers an empty fileSavedSearches connection", async () => {
    const res = await gql(`{ fileSavedSearches(first: 5) { nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    expect(res.json.data.fileSavedSearches).toEqual({ nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });
});
