import { describe, expect, it } from "vitest";
import type { Exchange } from "../../../sandbox/conformance/normalize";
import { madeInRecording, refusedForOutsideObjects } from "../../../sandbox/conformance/judge/outside-setup";
import { CATEGORY, replayScenario } from "../../../sandbox/conformance/replay";

// Steps the twin could not perform because they hold objects outside the listed domains
// (outside-setup.ts), and cleanup deletes of definitions made without answering their id
// (unshown-created-ids.ts).

const capture = { file: "harry-test-heelo.myshopify.com/2026-04/x/test.json", shop: "harry-test-heelo.myshopify.com", apiVersion: "2026-04", domain: "x" };
const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 4, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });

const SET = "mutation S($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { id compareDigest } userErrors { field message code } } }";
const LOCATION = "gid://shopify/Location/113884102962";
const input = (ownerId: string, extra: Record<string, unknown> = {}) => ({ ownerId, namespace: "ns_x", key: "kk", type: "single_line_text_field", value: "v", ...extra });
const accepted = (...digests: string[]) => ({ data: { metafieldsSet: { metafields: digests.map((d, i) => ({ id: `gid://shopify/Metafield/4535947650693${i}`, compareDigest: d })), userErrors: [] } } });
const refused = (...fields: string[][]) => ({ data: { metafieldsSet: { metafields: [], userErrors: fields.map((field) => ({ field, message: "Owner does not exist.", code: "INVALID_VALUE" })) } } });

describe("a setup step the twin refused for objects outside the listed domains", () => {
  const step = ex("$.setup.baselineSet", { query: SET, variables: { metafields: [input(LOCATION), input("gid://shopify/Product/42")] }, response: accepted("d1", "d2") });

  it("is recognised only when every twin refusal points at an input naming such an object", () => {
    expect(refusedForOutsideObjects(step, refused(["metafields", "0", "ownerId"]))).toBe(true);
    // a refusal of another input of the element holding the Location (its key) is not the Location's
    expect(refusedForOutsideObjects(step, refused(["metafields", "0", "key"]))).toBe(false);
    // the product input refused too: the twin's refusal is not explained by the Location
    expect(refusedForOutsideObjects(step, refused(["metafields", "0", "ownerId"], ["metafields", "1", "ownerId"]))).toBe(false);
    // no refusal, or a top-level error
    expect(refusedForOutsideObjects(step, accepted("d1"))).toBe(false);
    expect(refusedForOutsideObjects(step, { errors: [{ message: "x" }] })).toBe(false);
    // Shopify refused it as well: it made nothing in the recording either
    expect(refusedForOutsideObjects({ ...step, response: refused(["metafields", "0", "ownerId"]) }, refused(["metafields", "0", "ownerId"]))).toBe(false);
  });

  it("takes what it made: unpaired ids and compare digests its request did not name", () => {
    expect(madeInRecording(step, new Map())).toEqual(["gid://shopify/Metafield/45359476506930", "d1", "gid://shopify/Metafield/45359476506931", "d2"]);
    // a definition nested in a returned metafield existed before the step: not taken
    const nested = { data: { metafieldsSet: { metafields: [{ id: "gid://shopify/Metafield/7", compareDigest: "d7", definition: { id: "gid://shopify/MetafieldDefinition/8" } }], userErrors: [] } } };
    expect(madeInRecording({ ...step, response: nested }, new Map())).toEqual(["gid://shopify/Metafield/7", "d7"]);
    expect(madeInRecording({ ...step, variables: { metafields: [input(LOCATION, { compareDigest: "d1" })] } }, new Map([["gid://shopify/Metafield/45359476506930", "gid://shopify/Metafield/1"]]))).toEqual(["gid://shopify/Metafield/45359476506931", "d2"]);
  });

  it("makes a later step that sends such a digest not comparable, and nothing else", async () => {
    const later = (digest: string) => ex("$.advance", { query: SET, variables: { metafields: [input(LOCATION, { compareDigest: digest })] }, response: accepted("d3") });
    const results = await replayScenario(capture, [
      ex("$.setup.baselineSet", { query: SET, variables: { metafields: [input(LOCATION)] }, response: accepted("d1") }),
      later("d1"),
      later("unrelated"),
    ]);
    expect(results[1]!.outcome).toMatchObject({ status: "incomparable", category: CATEGORY.unreplayableSetup });
    expect((results[1]!.outcome as { detail: string }).detail).toContain("refused in the twin for its objects outside the listed domains");
    expect(results[2]!.outcome.status).toBe("failed");
  });

  it("does not apply when the twin also refused an object of the listed domains", async () => {
    const results = await replayScenario(capture, [
      // a metaobject (listed domain) the twin does not have: it refuses that owner too
      ex("$.setup.baselineSet", { query: SET, variables: { metafields: [input(LOCATION), input("gid://shopify/Metaobject/42")] }, response: accepted("d1", "d2") }),
      ex("$.advance", { query: SET, variables: { metafields: [input(LOCATION, { compareDigest: "d2" })] }, response: accepted("d3") }),
    ]);
    expect(results[1]!.outcome.status).toBe("failed");
  });
});

describe("a cleanup deleting a definition made without answering its id", () => {
  const enable = ex("$.captures.visibleStorefrontTranslation", {
    query: 'mutation E { standardMetafieldDefinitionEnable(ownerType: PRODUCT, id: "gid://shopify/StandardMetafieldDefinitionTemplate/3", visibleToStorefrontApi: false) { createdDefinition { namespace key access { storefront } } userErrors { field message code } } }',
    response: { data: { standardMetafieldDefinitionEnable: { createdDefinition: { namespace: "facts", key: "isbn", access: { storefront: "NONE" } }, userErrors: [] } } },
  });
  const DELETE = "mutation D($id: ID!) { metafieldDefinitionDelete(id: $id, deleteAllAssociatedMetafields: true) { deletedDefinitionId userErrors { field message code } } }";
  const id = "gid://shopify/MetafieldDefinition/222100947250";
  const cleanup = (path: string) => ex(path, { query: DELETE, variables: { id }, response: { data: { metafieldDefinitionDelete: { deletedDefinitionId: id, userErrors: [] } } } });

  it("pairs the deleted id with the twin's definition of that owner type, namespace and key", async () => {
    const results = await replayScenario(capture, [enable, cleanup("$.cleanup[0]")]);
    expect(results.map((r) => r.outcome.status)).toEqual(["passed", "passed"]);
  });

  it("leaves a delete not named cleanup, or an id another step showed, unpaired", async () => {
    const notCleanup = await replayScenario(capture, [enable, cleanup("$.deleteUnknownId")]);
    expect(notCleanup[1]!.outcome.status).toBe("failed");
    const shown = ex("$.read", { query: "query Q { a: metafieldDefinitions(first: 1, ownerType: PRODUCT) { nodes { id } } }", response: { data: { a: { nodes: [{ id }] } } } });
    // (shown by a read stored after the cleanup: it is not the scenario's unshown definition)
    const withShown = await replayScenario(capture, [enable, cleanup("$.cleanup[0]"), shown]);
    expect(withShown[1]!.outcome.status).toBe("failed");
  });

  it("leaves it unpaired when no step made such a definition", async () => {
    const results = await replayScenario(capture, [cleanup("$.cleanup[0]")]);
    expect(results[0]!.outcome.status).toBe("failed");
  });
});
