import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_SCOPES } from "~/modules/shopify/scopes";
import { webhookTopics } from "~/modules/webhooks/topics";

const toml = fs.readFileSync(path.resolve("shopify.app.toml"), "utf8");

describe("shopify.app.toml", () => {
  it("declares the same access scopes the app requests", () => {
    const declared = /^\s*scopes\s*=\s*"([^"]*)"/m.exec(toml)?.[1]?.split(",").map((s) => s.trim());
    expect(declared?.sort()).toEqual([...ACCESS_SCOPES].sort());
  });

  it("subscribes every webhook topic to the route that handles it, and nothing else", () => {
    const subscriptions = [...toml.matchAll(/(?:compliance_)?topics\s*=\s*\["([^"]+)"\]\s*\n\s*uri\s*=\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(subscriptions.map(([topic]) => topic).sort()).toEqual([...webhookTopics].sort());
    for (const [topic, uri] of subscriptions) {
      expect(uri).toBe(`/webhooks/${topic}`);
      const route = path.resolve("app/routes", `webhooks.${topic!.replace("/", ".")}.tsx`);
      expect(fs.existsSync(route), `${route} handles ${topic}`).toBe(true);
    }
  });

  it("declares the three mandatory compliance topics as compliance_topics", () => {
    for (const topic of ["customers/data_request", "customers/redact", "shop/redact"]) {
      expect(toml).toContain(`compliance_topics = ["${topic}"]`);
    }
  });

  it("uses the Admin API version the app is built for", () => {
    expect(toml).toMatch(/api_version = "2026-07"/);
  });
});
