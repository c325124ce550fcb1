import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "~/modules/observability/logger.server";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  process.env.LOG_LEVEL = "info";
  return { log: createLogger(stream), lines };
}

describe("structured logs", () => {
  it("are JSON with a level, time and message", () => {
    const { log, lines } = capture();
    log.info({ shop: "a.myshopify.com" }, "hello");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 30, msg: "hello", shop: "a.myshopify.com", service: "tessera" });
    expect(typeof entry.time).toBe("string");
  });

  it("never carry tokens, secrets or customer PII", () => {
    const { log, lines } = capture();
    log.info(
      {
        accessToken: "shpat_secret",
        session: { accessToken: "shpat_nested", refreshToken: "shprt_nested" },
        headers: { authorization: "Bearer eyJ.secret", cookie: "sid=1" },
        customer: { email: "ana@example.com", phone: "+4912345" },
        payload: { customer: { id: 1, email: "bo@example.com" } },
        token: "abc",
      },
      "request",
    );
    const text = lines.join("");
    for (const secret of ["shpat_secret", "shpat_nested", "shprt_nested", "eyJ.secret", "sid=1", "ana@example.com", "+4912345", "bo@example.com", '"abc"']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[redacted]");
  });
});
