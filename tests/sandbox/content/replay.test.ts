import { afterEach, describe, it } from "vitest";
import { registerNode } from "../../../sandbox/shopify/state";
import { at, loadCapture, replay, requestDoc, startReplayTwin } from "../platform/capture-replay";

// Recorded Shopify answers for metafields and metaobjects, replayed against a fresh twin.

let twin: Awaited<ReturnType<typeof startReplayTwin>> | undefined;
afterEach(async () => {
  await twin?.sandbox.close();
  twin = undefined;
});

/** The recorded product owners exist in the twin as plain nodes (the catalog is another domain). */
async function twinWithOwners(...gids: string[]) {
  twin = await startReplayTwin();
  for (const gid of gids) registerNode(twin.sandbox.state, twin.sandbox.defaultShop, { gid, typename: "Product" });
  return twin;
}

describe("replay: metafields", () => {
  it("2025-01/metafields/metafields-set-input-validation.json — every case", async () => {
    const capture = loadCapture("2025-01/metafields/metafields-set-input-validation.json");
    const t = await twinWithOwners("gid://shopify/Product/10252752421170");
    const doc = requestDoc("metafields/metafields-set-input-validation.graphql");
    for (const [name, step] of Object.entries(capture.cases)) await replay(t, step, { doc, label: name });
  });

  it("2025-01/products/metafields-set-over-limit-parity.json — 26 inputs", async () => {
    const capture = loadCapture("2025-01/products/metafields-set-over-limit-parity.json");
    const t = await twinWithOwners("gid://shopify/Product/10252752617778");
    await replay(t, capture.mutation, { doc: requestDoc("products/metafieldsSet-parity-plan.graphql") });
  });

  it("2025-01/products/metafields-set-owner-existence-atomicity.json — missing owner rolls back the batch", async () => {
    const capture = loadCapture("2025-01/products/metafields-set-owner-existence-atomicity.json");
    const t = await twinWithOwners("gid://shopify/Product/10243958964530"); // the deleted owner is never registered
    await replay(t, capture.singleInvalid, { label: "singleInvalid" });
    await replay(t, capture.mixedInvalid, { label: "mixedInvalid" });
  });
});

describe("replay: metaobjects", () => {
  it("2026-04/metaobjects/metaobject-definition-create-validation.json — type rules, $app types, duplicates", async () => {
    const capture = loadCapture("2026-04/metaobjects/metaobject-definition-create-validation.json");
    const t = await twinWithOwners();
    for (const step of ["tooShort", "invalidFormat", "appPrefixed", "appReadByType", "successfulCreate", "successReadByType", "duplicateCase"]) {
      await replay(t, at(capture, `$.${step}`), { label: step });
    }
  });

  it("2026-04/metaobjects/metaobject-upsert-recovery-and-prefixes.json — create, exact re-upsert, handle conflict, required field", async () => {
    const capture = loadCapture("2026-04/metaobjects/metaobject-upsert-recovery-and-prefixes.json");
    const t = await twinWithOwners();
    await replay(t, capture.definitionCreate, { label: "definitionCreate" });
    for (const step of ["primaryCreate", "exactMatch", "conflictOwnerCreate", "conflictingHandle", "missingRequired", "proxyCreate"]) {
      await replay(t, capture.cases[step], { label: step });
    }
  });

  it("2026-04/metaobjects/metaobject_handle_validation.json — upsert handle rules", async () => {
    const capture = loadCapture("2026-04/metaobjects/metaobject_handle_validation.json");
    const t = await twinWithOwners();
    await replay(t, capture.definitionCreate, { label: "definitionCreate" });
    await replay(t, capture.setupMetaobjectCreate, { label: "setupMetaobjectCreate" });
    for (const step of ["invalid", "too-long"]) await replay(t, capture.invalidUpsertCases[step], { label: step });
  });
});
