import { describe, expect, it } from "vitest";
import { parseEnv } from "~/modules/config/env.server";

const key = Buffer.alloc(32, 1).toString("base64");
const production = {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: "k",
  SHOPIFY_API_SECRET: "s",
  TESSERA_ENCRYPTION_KEYS: `k1:${key}`,
  SHOPIFY_APP_URL: "https://tessera.example.com",
} as NodeJS.ProcessEnv;

describe("environment", () => {
  it("refuses the sandbox switch when NODE_ENV=production", () => {
    expect(() => parseEnv({ ...production, SHOPIFY_SANDBOX_ORIGIN: "http://127.0.0.1:4500" })).toThrow(/sandbox is for local work only/);
  });

  it("refuses the App Bridge stand-in when NODE_ENV=production", () => {
    expect(() => parseEnv({ ...production, APP_BRIDGE_URL: "http://127.0.0.1:4500/cdn/app-bridge.js" })).toThrow(/App Bridge from Shopify's CDN/);
  });

  it("allows the sandbox in development", () => {
    expect(parseEnv({ NODE_ENV: "development", SHOPIFY_SANDBOX_ORIGIN: "http://127.0.0.1:4500" } as unknown as NodeJS.ProcessEnv).sandbox).toBe(true);
  });

  it("requires real credentials and an encryption key in production", () => {
    const { TESSERA_ENCRYPTION_KEYS: _k, ...withoutKey } = production;
    expect(() => parseEnv(withoutKey)).toThrow(/TESSERA_ENCRYPTION_KEYS must be set/);
    expect(parseEnv(production).sandbox).toBe(false);
  });

  it("refuses test faults in production", () => {
    expect(() => parseEnv({ ...production, TESSERA_FAULT_JOB_PAUSE_MS: "1000" })).toThrow(/refused when NODE_ENV=production/);
  });

  it("explains a malformed DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_URL must be a postgresql:\/\/ URL/);
  });
});
