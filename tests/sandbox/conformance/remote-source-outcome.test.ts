import { describe, expect, it } from "vitest";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { failedToDownload, remoteSourceOutcome, trackRemoteSources, unfetchable } from "../../../sandbox/conformance/judge/remote-source-outcome";
import type { ShopifyState } from "../../../sandbox/shopify/state";

// A file Shopify downloaded from a public URL the offline twin cannot fetch
// (media-file-interface-fields.json, media-file-update-source-semantics.json): only its
// processing outcome, and a fileUpdate the twin refused because of it, are not comparable.

const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const W3 = "https://www.w3.org/WAI/ER/tests/xhtml/testfiles/resources/pdf/dummy.pdf";
const STAGED = "https://shopify-staged-uploads.storage.googleapis.com/tmp/x.pdf";
const staged = (u: string) => u === STAGED;
const c = (n: number) => `gid://shopify/GenericFile/${n}`;
const t = (n: number) => `gid://shopify/GenericFile/${n + 1000}`;
const ids = new Map([[c(1), t(1)], [c(2), t(2)]]);
const failed = new Set([t(1)]);
const isFailed = (g: string) => failed.has(g);

const create = ex("$.create", {
  query: "mutation C($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { id } userErrors { message } } }",
  variables: { files: [{ contentType: "FILE", originalSource: W3 }, { contentType: "FILE", originalSource: STAGED }, { contentType: "IMAGE", originalSource: "https://placehold.co/600x400.jpg" }] },
  response: { data: { fileCreate: { files: [{ id: c(1) }, { id: c(2) }, { id: c(3) }], userErrors: [] } } },
});
const remote = new Map<string, string>();
trackRemoteSources(create, remote, staged);

const file = (id: string, status: string, url: string | null, alt = "a") => ({ id, alt, fileStatus: status, url, fileErrors: status === "FAILED" ? [{ code: "GENERIC_FILE_DOWNLOAD_FAILURE" }] : [] });
const read = (nodes: unknown[]) => ex("$.read", { query: "query { files(first: 5) { nodes { id alt fileStatus url fileErrors { code } } } }", response: { data: { files: { nodes } } } });

describe("which sources the twin cannot fetch (remote-source-outcome.ts)", () => {
  it("a public URL; not a placeholder generator or a staged upload", () => {
    expect(unfetchable(W3, staged)).toBe(true);
    expect(unfetchable("https://placehold.co/600x400.jpg", staged)).toBe(false);
    expect(unfetchable(STAGED, staged)).toBe(false);
    // a staged target whose upload the replay did not pair is not the public web either
    expect(unfetchable("https://shopify-staged-uploads.storage.googleapis.com/tmp/other.pdf", () => false)).toBe(false);
  });
  it("tracks fileCreate's files by position, only the unfetchable ones", () => {
    expect([...remote.keys()]).toEqual([c(1)]);
  });
  it("reads the twin's download failure from its own file record", () => {
    const state = { domains: new Map() } as unknown as ShopifyState;
    const files = new Map([[1001, { outcome: { status: "FAILED", code: "GENERIC_FILE_DOWNLOAD_FAILURE", message: "", details: null } }], [1002, { outcome: { status: "FAILED", code: "UNSUPPORTED_IMAGE_FILE_TYPE", message: "", details: null } }]]);
    state.domains.set("files", { uploads: new Map(), files });
    expect(failedToDownload(state, t(1))).toBe(true);
    expect(failedToDownload(state, t(2))).toBe(false);
  });
});

describe("differences that are the remote file's processing outcome (remoteSourceOutcome)", () => {
  it("explains READY in the capture and a download failure in the twin", () => {
    const twin = { data: { files: { nodes: [file(t(1), "FAILED", null)] } } };
    expect(remoteSourceOutcome(read([file(c(1), "READY", "https://cdn.shopify.com/s/files/dummy.pdf")]), 200, twin, remote, ids, isFailed)).toEqual([c(1)]);
  });
  it("not when another field of the file differs, or another file differs", () => {
    const twin = { data: { files: { nodes: [file(t(1), "FAILED", null, "other alt")] } } };
    expect(remoteSourceOutcome(read([file(c(1), "READY", "u")]), 200, twin, remote, ids, isFailed)).toBeUndefined();
    const both = { data: { files: { nodes: [file(t(1), "FAILED", null), file(t(2), "FAILED", null)] } } };
    expect(remoteSourceOutcome(read([file(c(1), "READY", "u"), file(c(2), "READY", "v")]), 200, both, remote, ids, isFailed)).toBeUndefined();
  });
  it("not when the twin's file did not fail to download, or the capture does not show it READY", () => {
    const twin = { data: { files: { nodes: [file(t(1), "FAILED", null)] } } };
    expect(remoteSourceOutcome(read([file(c(1), "READY", "u")]), 200, twin, remote, ids, () => false)).toBeUndefined();
    const processing = { data: { files: { nodes: [file(t(1), "PROCESSING", null)] } } };
    expect(remoteSourceOutcome(read([file(c(1), "FAILED", null)]), 200, processing, remote, ids, isFailed)).toBeUndefined();
  });
  it("not when the list differs in length", () => {
    const twin = { data: { files: { nodes: [] } } };
    expect(remoteSourceOutcome(read([file(c(1), "READY", "u")]), 200, twin, remote, ids, isFailed)).toBeUndefined();
  });
});

describe("a fileUpdate the twin refused because the remote file was not READY", () => {
  const update = (fileIds: string[]) => ex("$.update", {
    query: "mutation U($files: [FileUpdateInput!]!) { fileUpdate(files: $files) { files { id fileStatus } userErrors { code } } }",
    variables: { files: fileIds.map((id) => ({ id, alt: "x" })) },
    response: { data: { fileUpdate: { files: fileIds.map((id) => ({ id, fileStatus: "READY" })), userErrors: [] } } },
  });
  const refused = (code = "NON_READY_STATE") => ({ data: { fileUpdate: { files: [], userErrors: [{ code }] } } });
  it("explains the refusal when every file it names is such a file", () => {
    expect(remoteSourceOutcome(update([c(1)]), 200, refused(), remote, ids, isFailed)).toEqual([c(1)]);
  });
  it("not when the batch names another file, or the twin refused for another reason", () => {
    expect(remoteSourceOutcome(update([c(1), c(2)]), 200, refused(), remote, ids, isFailed)).toBeUndefined();
    expect(remoteSourceOutcome(update([c(1)]), 200, refused("ALT_VALUE_LIMIT_EXCEEDED"), remote, ids, isFailed)).toBeUndefined();
  });
});
