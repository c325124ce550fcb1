import { describe, expect, it } from "vitest";
import { diffBodies, type Difference } from "../../../sandbox/conformance/compare";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { normalizeCapture } from "../../../sandbox/conformance/normalize";
import { nextPageIsRecordedShops } from "../../../sandbox/conformance/judge/recorded-pages";
import { settle } from "../../../sandbox/conformance/replay";
import { refusedScope, sentWithDelegate, trackDelegates, type LiveDelegate } from "../../../sandbox/conformance/judge/delegate-credentials";
import { makersFirst } from "../../../sandbox/conformance/order/setup-order";
import { indexedDocuments } from "../../../sandbox/conformance/indexed-documents";
import { reconstructQueries } from "../../../sandbox/conformance/reconstruct";
import type { TwinReply } from "../../../sandbox/conformance/twin";

// Harness rules added for the media (Files API) captures: a newest-first page whose next page only
// the recorded shop's own files can fill, polling that keeps the answer closest to the recorded
// state, requests sent with a delegate token, setup stored after the cases, and the documents the
// index lists for a capture.

const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const gid = (type: string, n: number) => `gid://shopify/${type}/${n}`;

describe("a newest-first page the recorded shop's own files continue (recorded-pages.ts)", () => {
  const read = (args: string, ids: string[], variables: Record<string, unknown> = {}) =>
    ex("$.read", {
      query: `query R${Object.keys(variables).length ? "($after: String)" : ""} { files(${args}) { nodes { id } pageInfo { hasNextPage } } }`,
      variables,
      response: { data: { files: { nodes: ids.map((id) => ({ id })), pageInfo: { hasNextPage: true } } } },
    });
  const flag: Difference = { path: "data.files.pageInfo.hasNextPage", captured: true, twin: false };
  const explains = (e: Exchange, own: string[], diffs: Difference[] = [flag]) => nextPageIsRecordedShops(diffs[0]!, e, diffs, new Set(own));

  it("applies when every file the scenario made is on the page or newer than it", () => {
    // file-acknowledge-update-failed-local-staging.json: files(first: 1, reverse: true) shows the one file the scenario made
    expect(explains(read("first: 1, reverse: true", [gid("MediaImage", 300)]), [gid("MediaImage", 300), gid("Product", 5)])).toBe(true);
    // files-upload-live-capture.json page two: the two newer files were on page one
    const pageTwo = read("first: 1, after: $after, reverse: true, sortKey: ID", [gid("MediaImage", 100)], { after: "c" });
    expect(explains(pageTwo, [gid("MediaImage", 100), gid("MediaImage", 200), gid("MediaImage", 300)])).toBe(true);
  });

  it("does not apply when a file the scenario made could follow the page", () => {
    // the scenario made an older file that is not on the page: it, not the shop's data, may be what follows
    expect(explains(read("first: 1, reverse: true", [gid("MediaImage", 300)]), [gid("MediaImage", 300), gid("GenericFile", 100)])).toBe(false);
    // objects the list cannot hold do not count (a product), objects it can hold do (any File type)
    expect(explains(read("first: 1, reverse: true", [gid("MediaImage", 300)]), [gid("Product", 1)])).toBe(true);
    expect(explains(read("first: 1, reverse: true", [gid("MediaImage", 300)]), [gid("Video", 1)])).toBe(false);
  });

  it("does not apply to other orders, to backward paging or to other differences", () => {
    const own = [gid("MediaImage", 300)];
    expect(explains(read("first: 1", own), own)).toBe(false); // oldest first: what follows is newer, possibly the scenario's
    expect(explains(read("first: 1, reverse: true, sortKey: CREATED_AT", own), own)).toBe(false);
    expect(explains(read("last: 1, reverse: true", own), own)).toBe(false);
    // the twin's page is not the captured page
    expect(explains(read("first: 1, reverse: true", own), own, [flag, { path: "data.files.nodes[0].id", captured: own[0], twin: gid("MediaImage", 9) }])).toBe(false);
    // the other direction
    expect(explains(read("first: 1, reverse: true", own), own, [{ ...flag, captured: false, twin: true }])).toBe(false);
    expect(explains(read("first: 1, reverse: true", own), own, [{ ...flag, path: "data.files.pageInfo.hasPreviousPage" }])).toBe(false);
  });
});

describe("polling keeps the answer closest to the recorded state (settle)", () => {
  const captured = { data: { files: { nodes: [{ fileStatus: "PROCESSING" }, { fileStatus: "READY" }] } } };
  it("an earlier answer that differs in strictly fewer places wins over a later one", async () => {
    // file-create-content-type-inference.json: the shop's own files never come, and the scenario's file moves past PROCESSING meanwhile
    const states = ["PROCESSING", "PROCESSING", "FAILED"];
    let sent = 0;
    const send = async (): Promise<TwinReply> => ({ status: 200, body: { data: { files: { nodes: [{ fileStatus: states[Math.min(sent++, 2)] }] } } } });
    const { diffs } = await settle(send, (r) => diffBodies(captured, r.body), true, 700);
    expect(diffs.map((d) => d.path)).toEqual(["data.files.nodes.length"]);
    expect(sent).toBeGreaterThan(2);
  });

  it("a later answer that differs elsewhere replaces it (no cherry-picking among different differences)", async () => {
    const replies = [{ nodes: [{ fileStatus: "UPLOADED" }, { fileStatus: "READY" }] }, { nodes: [{ fileStatus: "PROCESSING" }, { fileStatus: "PROCESSING" }] }];
    let sent = 0;
    const send = async (): Promise<TwinReply> => ({ status: 200, body: { data: { files: replies[Math.min(sent++, 1)] } } });
    const { diffs } = await settle(send, (r) => diffBodies(captured, r.body), true, 500);
    expect(diffs.map((d) => d.path)).toEqual(["data.files.nodes[1].fileStatus"]);
  });
});

describe("requests sent with a delegate access token (delegate-credentials.ts)", () => {
  const create = ex("$.setup.delegateSetup", { response: { data: { delegateAccessTokenCreate: { delegateAccessToken: { accessToken: "[redacted]", accessScopes: ["read_files", "write_files", "read_products"] }, userErrors: [] } } } });
  const destroy = ex("$.cleanup.delegateDestroy", { response: { data: { delegateAccessTokenDestroy: { status: true, userErrors: [] } } } });
  const denied = ex("$.mutation", { response: { errors: [{ message: "Access denied: Missing permission to manage products.", path: ["fileUpdate"] }], data: { fileUpdate: null } } });
  const twinGranted = { data: { fileUpdate: { files: [{ id: "gid://shopify/MediaImage/1" }], userErrors: [] } } };
  const diffs = diffBodies(denied.response, twinGranted);
  const appScopes = ["write_files", "write_products"];
  const live = (steps: [Exchange, boolean][]) => {
    const out: LiveDelegate[] = [];
    for (const [step, issued] of steps) trackDelegates(step, issued, out);
    return out;
  };

  it("explains a refusal while a delegate with fewer scopes than the app's was live", () => {
    expect(sentWithDelegate(denied, twinGranted, diffs, live([[create, false]]), appScopes)?.path).toBe("$.setup.delegateSetup");
  });

  it("does not apply without a live delegate, to a delegate as strong as the app, or to other differences", () => {
    expect(sentWithDelegate(denied, twinGranted, diffs, [], appScopes)).toBeUndefined();
    expect(sentWithDelegate(denied, twinGranted, diffs, live([[create, false], [destroy, false]]), appScopes)).toBeUndefined();
    // the twin issued the delegate itself: nothing to explain by it
    expect(sentWithDelegate(denied, twinGranted, diffs, live([[create, true]]), appScopes)).toBeUndefined();
    expect(sentWithDelegate(denied, twinGranted, diffs, live([[create, false]]), ["write_files", "read_products"])).toBeUndefined();
    // the capture was not refused, or the twin refused too
    const granted = ex("$.mutation", { response: { data: twinGranted.data } });
    expect(sentWithDelegate(granted, twinGranted, diffs, live([[create, false]]), appScopes)).toBeUndefined();
    expect(sentWithDelegate(denied, { errors: [{ message: "Access denied" }], data: { fileUpdate: null } }, diffs, live([[create, false]]), appScopes)).toBeUndefined();
    // a difference outside the refusal (another root the capture answered)
    const both = ex("$.mutation", { response: { ...denied.response, data: { fileUpdate: null, shop: { name: "a" } } } });
    const moreDiffs = [...diffs, { path: "data.shop.name", captured: "a", twin: "b" }];
    expect(sentWithDelegate(both, twinGranted, moreDiffs, live([[create, false]]), appScopes)).toBeUndefined();
  });

  it("needs the refused permission to be one the delegate lacks and the app holds", () => {
    const refusedFor = (message: string) => ex("$.mutation", { response: { errors: [{ message, path: ["fileUpdate"] }], data: { fileUpdate: null } } });
    // the delegate holds write_files: a refusal to manage files was not the delegate's doing
    expect(sentWithDelegate(refusedFor("Access denied: Missing permission to manage files."), twinGranted, diffs, live([[create, false]]), appScopes)).toBeUndefined();
    // a refusal naming no scope (a namespace's owner) cannot be told apart from one the app would get
    expect(sentWithDelegate(refusedFor("Access denied for fileUpdate field. Required access: API client to have access to the namespace."), twinGranted, diffs, live([[create, false]]), appScopes)).toBeUndefined();
    // a scope the app does not hold either
    const withThemes = ex("$.setup.delegateSetup", { response: { data: { delegateAccessTokenCreate: { delegateAccessToken: { accessToken: "[redacted]", accessScopes: ["read_files"] }, userErrors: [] } } } });
    expect(sentWithDelegate(refusedFor("Access denied for themeCreate field. Required access: `write_themes` access scope."), twinGranted, diffs, live([[withThemes, false]]), appScopes)).toBeUndefined();
    expect(refusedScope({ message: "Access denied: Missing permission to manage products." })).toBe("write_products");
    expect(refusedScope({ message: "Access denied for scriptTag field. Required access: `read_script_tags` access scope." })).toBe("read_script_tags");
    expect(refusedScope({ message: "Access denied.", extensions: { requiredAccess: "`write_pixels` access scope." } })).toBe("write_pixels");
  });
});

describe("setup stored after the cases that use it (setup-order.ts)", () => {
  const file = "gid://shopify/GenericFile/7";
  const caseCreate = ex("$.cases.create", { query: "mutation { fileCreate(files: []) { userErrors { code } } }", response: { data: { fileCreate: { userErrors: [{ code: "X" }] } } } });
  const caseUpdate = ex("$.cases.update", { query: "mutation U($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { userErrors { code } } }", variables: { f: [{ id: file }] }, response: { data: { fileUpdate: { userErrors: [] } } } });
  const setupCreate = ex("$.setup.fileCreate", { query: "mutation { fileCreate(files: []) { files { id } } }", response: { data: { fileCreate: { files: [{ id: file }] } } } });
  const setupRead = ex("$.setup.hydrate", { query: `query { node(id: "${file}") { id } }`, response: { data: { node: { id: file } } } });
  const cleanup = ex("$.cleanup", { query: "mutation D($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds } }", variables: { ids: [file] }, response: { data: { fileDelete: { deletedFileIds: [file] } } } });

  it("moves the setup mutation that made an object, with its group's later steps, before the first use", () => {
    // media-file-filename-extension-case-sensitivity.json
    expect(makersFirst([caseCreate, caseUpdate, setupCreate, setupRead, cleanup]).map((e) => e.path)).toEqual(["$.cases.create", "$.setup.fileCreate", "$.setup.hydrate", "$.cases.update", "$.cleanup"]);
  });

  it("leaves reads and steps outside a setup group where they are", () => {
    const laterRead = ex("$.reads.node", { query: "query { files(first: 1) { nodes { id } } }", response: { data: { files: { nodes: [{ id: file }] } } } });
    expect(makersFirst([caseUpdate, laterRead]).map((e) => e.path)).toEqual(["$.cases.update", "$.reads.node"]);
    const caseMaker = ex("$.cases.make", { query: setupCreate.query, response: setupCreate.response });
    expect(makersFirst([caseUpdate, caseMaker]).map((e) => e.path)).toEqual(["$.cases.update", "$.cases.make"]);
    // the normalizer keeps an order that already works
    const ordered = normalizeCapture({ setup: { fileCreate: { query: setupCreate.query, response: setupCreate.response } }, cases: { update: { query: caseUpdate.query, variables: caseUpdate.variables, response: caseUpdate.response } } });
    expect(ordered.map((e) => e.path)).toEqual(["$.setup.fileCreate", "$.cases.update"]);
  });
});

describe("a newest-first page that leaves out a setup's object does not move the setup (normalize.ts)", () => {
  // media-file-update-source-semantics.json: `reads.imageAfterOriginalSource` (files(first: 1,
  // reverse: true)) shows the image although `setup.genericCreate`, stored before it, made a newer
  // GenericFile. `files` is served from a search index that shows a new file only once it caught up,
  // and the timestamps do not order the two (both 14:33:38), so nothing witnesses that the setup
  // ran after the read: the recorded order is kept.
  it("keeps the recorded order", () => {
    const create = (id: string) => ({ query: "mutation { fileCreate(files: []) { files { id } } }", response: { data: { fileCreate: { files: [{ id }] } } } });
    const image = gid("MediaImage", 100);
    const generic = gid("GenericFile", 200);
    const ordered = normalizeCapture({
      setup: { imageCreate: create(image), genericCreate: create(generic) },
      updates: { image: { query: "mutation U($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { files { id } } }", variables: { f: [{ id: image }] }, response: { data: { fileUpdate: { files: [{ id: image }] } } } } },
      reads: { image: { query: "query { files(first: 1, reverse: true) { nodes { id } } }", response: { data: { files: { nodes: [{ id: image }] } } } } },
    });
    expect(ordered.map((e) => e.path)).toEqual(["$.setup.imageCreate", "$.setup.genericCreate", "$.updates.image", "$.reads.image"]);
  });
});

describe("documents the index lists for a capture come first (indexed-documents.ts)", () => {
  const created = { fileCreate: { files: [{ id: "gid://shopify/MediaImage/1", alt: "a" }], userErrors: [] } };
  const ours = "mutation Ours($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { id alt } userErrors { field } } }";
  const other = "mutation Other($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { id alt ... on MediaImage { image { url } } } userErrors { field } } }";

  it("lists each document once, in index order, target-less ones included", () => {
    const read = (p: string) => ({ "a.graphql": ours, "b.graphql": other })[p];
    const entry = [{ scenarioId: "s", targets: [{ documentPath: "a.graphql" }, { capturePath: "$.x", documentPath: "b.graphql" }, { capturePath: "$.y", documentPath: "a.graphql" }, { capturePath: "$.z", documentPath: "missing.graphql" }] }];
    expect(indexedDocuments(entry, read).map((d) => d.source)).toEqual(["a.graphql", "b.graphql"]);
    expect(indexedDocuments(undefined, read)).toEqual([]);
  });

  it("a listed document that fits wins over an earlier-sorted one that also fits", () => {
    const [step] = normalizeCapture({ create: { variables: { files: [{ originalSource: "x" }] }, response: { data: created } } });
    expect(reconstructQueries([step!], [{ query: other, source: "a-other.graphql" }, { query: ours, source: "z-ours.graphql" }])[0]!.documentPath).toBe("a-other.graphql");
    expect(reconstructQueries([step!], [{ query: ours, source: "z-ours.graphql" }, { query: other, source: "a-other.graphql" }])[0]!.documentPath).toBe("z-ours.graphql");
  });
});
