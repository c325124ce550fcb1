import { afterEach, describe, it } from "vitest";
import { loadCapture, replay, requestDoc, startReplayTwin } from "./capture-replay";

// Recorded Shopify answers for bulk operations, webhooks and the app installation, replayed against a fresh twin.

let twin: Awaited<ReturnType<typeof startReplayTwin>> | undefined;
afterEach(async () => {
  await twin?.sandbox.close();
  twin = undefined;
});
const fresh = async () => (twin = await startReplayTwin());

describe("replay: platform", () => {
  it("2026-04/bulk-operations/bulk-operation-run-query-validators.json — every validator", async () => {
    const capture = loadCapture("2026-04/bulk-operations/bulk-operation-run-query-validators.json");
    const t = await fresh();
    for (const [name, step] of Object.entries(capture.validations)) await replay(t, step, { label: name });
  });

  it("2026-04/bulk-operations/bulk-operation-run-query-user-error-codes.json", async () => {
    const capture = loadCapture("2026-04/bulk-operations/bulk-operation-run-query-user-error-codes.json");
    const t = await fresh();
    for (const [name, step] of Object.entries(capture.validations)) await replay(t, step, { label: name });
  });

  it("2026-04/webhooks/webhook-subscription-scheme-allowlist.json and uri-whitespace.json", async () => {
    const t = await fresh();
    const doc = requestDoc("webhooks/webhookSubscriptionCreate-parity.graphql");
    const allow = loadCapture("2026-04/webhooks/webhook-subscription-scheme-allowlist.json");
    await replay(t, allow.setup.create, { doc, label: "setup.create" });
    for (const step of ["createFtpSchemeRejected", "createWsSchemeRejected", "createBareHttpsInvalid"]) await replay(t, allow.cases[step], { doc, label: step });
    const ws = loadCapture("2026-04/webhooks/webhook-subscription-uri-whitespace.json");
    for (const step of ["createWhitespaceOnlyUri", "createUriWithLeadingWhitespace"]) await replay(t, ws.cases[step], { doc, label: step });
  });

  it("2026-04/webhooks/webhook-subscription-conformance.json — create, read, update, delete lifecycle", async () => {
    const capture = loadCapture("2026-04/webhooks/webhook-subscription-conformance.json");
    const t = await fresh();
    const docs: Record<string, string> = {
      create: "webhooks/webhookSubscriptionCreate-parity.graphql", detailAfterCreate: "webhooks/webhook-subscription-detail-read.graphql",
      update: "webhooks/webhookSubscriptionUpdate-parity.graphql", detailAfterUpdate: "webhooks/webhook-subscription-detail-read.graphql",
      delete: "webhooks/webhookSubscriptionDelete-parity.graphql", postDeleteDetail: "webhooks/webhook-subscription-detail-read.graphql",
    };
    // Later steps address the created subscription by the recorded id: swap in the twin's.
    let twinId = "";
    for (const [step, doc] of Object.entries(docs)) {
      const recorded = capture.lifecycle[step];
      const request = JSON.parse(JSON.stringify(recorded).replace(/gid:\/\/shopify\/WebhookSubscription\/1929113141554/g, twinId || "$&"));
      const json = await replay(t, request, { doc: requestDoc(doc), label: step });
      twinId ||= json.data.webhookSubscriptionCreate?.webhookSubscription?.id ?? "";
    }
  });
});
