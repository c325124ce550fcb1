import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookHeaders } from "../../sandbox/shopify/webhooks";
import { startStack, type RunningStack } from "../../scripts/support/stack";
import { freePort } from "./support/browser";

// The twin delivers webhooks to the real app (signed with the app secret, as Shopify does); the app
// accepts those and refuses the same delivery signed with any other secret.
let stack: RunningStack;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-webhooks-"));
  stack = await startStack({ appPort: await freePort(), sandboxPort: await freePort(), dataDir });
  await stack.install();
});

afterAll(async () => {
  await stack?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Delivery = { webhookId: string; state: string; attempts: { status?: number }[]; payload: unknown };

async function deliveries(topic: string): Promise<Delivery[]> {
  const response = await fetch(`${stack.sandbox.origin}/sandbox/webhooks?topic=${encodeURIComponent(topic)}`);
  return ((await response.json()) as { deliveries: Delivery[] }).deliveries;
}

describe("webhooks from the Shopify twin to the app", () => {
  it("installs the app on the twin shop through token exchange", () => {
    const installation = [...stack.sandbox.state.installations.values()].find((i) => i.shop === stack.sandbox.defaultShop);
    expect(installation?.scopes).toContain("write_translations");
  });

  it("delivers a compliance webhook the app verifies and accepts", async () => {
    const topic = "customers/data_request";
    const trigger = await fetch(`${stack.sandbox.origin}/sandbox/compliance/${encodeURIComponent(topic)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ shop: stack.sandbox.defaultShop }),
    });
    expect(trigger.status).toBe(202);
    let delivered: Delivery | undefined;
    for (let i = 0; i < 100 && !delivered; i++) {
      delivered = (await deliveries(topic)).find((d) => d.state === "delivered");
      if (!delivered) await new Promise((r) => setTimeout(r, 100));
    }
    expect(delivered?.attempts.at(-1)?.status).toBe(200);

    // The same payload, signed with a secret that is not the app's: refused, as a forgery.
    const body = JSON.stringify(delivered!.payload);
    const headers = webhookHeaders({ topic, shop: stack.sandbox.defaultShop, apiVersion: "2026-07", secret: "not-the-app-secret" }, body);
    const forged = await fetch(`${stack.appUrl}/webhooks/${topic}`, { method: "POST", headers, body });
    expect(forged.status).toBe(401);

    // And unsigned: refused too.
    const { "X-Shopify-Hmac-Sha256": _dropped, ...unsigned } = headers;
    expect((await fetch(`${stack.appUrl}/webhooks/${topic}`, { method: "POST", headers: unsigned, body })).status).toBe(401);
  });
});
