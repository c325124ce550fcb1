import { describe, expect, it } from "vitest";
import { loader as health } from "~/routes/health";
import { stopQueue } from "~/modules/jobs/runtime.server";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();

describe("GET /health", () => {
  it("answers 200 when the database and the job queue respond", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; database: { ok: boolean }; queue: { ok: boolean } };
    expect(body).toMatchObject({ status: "ok", database: { ok: true }, queue: { ok: true } });
  });

  it("answers 503 and says which dependency failed when the database is gone", async () => {
    await stopQueue();
    const broken = { ...database.database, prisma: { $queryRaw: () => Promise.reject(new Error("connection refused")) } };
    globalThis.__tesseraDb = Promise.resolve(broken as never);
    try {
      const response = await health();
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; database: { ok: boolean; error: string } };
      expect(body.status).toBe("degraded");
      expect(body.database).toMatchObject({ ok: false, error: "connection refused" });
    } finally {
      globalThis.__tesseraDb = Promise.resolve(database.database);
    }
  });
});
