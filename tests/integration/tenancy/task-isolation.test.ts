import { Session } from "@shopify/shopify-api";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as taskLoader } from "~/routes/app.tasks.$id";
import { sessionStorage } from "~/shopify.server";
import { mintSessionToken } from "../../../sandbox/shopify/auth/session-token";
import { useTestDatabase } from "../../support/database";

// A staff member of shop A asks for a record of shop B by id: 404, never the record.
const APP = { apiKey: "tessera-local-api-key", apiSecret: "tessera-local-api-secret" };
const SHOP_A = "tenant-a.myshopify.com";
const SHOP_B = "tenant-b.myshopify.com";
const database = useTestDatabase();

async function installOfflineSession(shop: string) {
  // A stored, unexpired offline session lets authenticate.admin proceed without a token exchange.
  await sessionStorage.storeSession(
    new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: `shpat_${shop}`, scope: "read_products", expires: new Date(Date.now() + 3_600_000) }),
  );
}

/** A Remix data request as App Bridge sends it from inside Shopify admin: Bearer session token. */
function staffRequest(shop: string, path: string): Request {
  const token = mintSessionToken(APP, shop, "1001");
  return new Request(`http://localhost:3000${path}?_data=routes%2Fapp.tasks.%24id`, {
    headers: { authorization: `Bearer ${token}`, "user-agent": "Mozilla/5.0 Chrome/156" },
  });
}

async function load(shop: string, id: string) {
  try {
    return await taskLoader({ request: staffRequest(shop, `/app/tasks/${id}`), params: { id }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("tenant isolation", () => {
  let taskOfA: string;
  let taskOfB: string;

  beforeAll(async () => {
    await database.reset();
    await installOfflineSession(SHOP_A);
    await installOfflineSession(SHOP_B);
    taskOfA = (await database.prisma.task.create({ data: { shop: SHOP_A, kind: "copy.bulk-draft", status: "running", progress: 3, total: 10 } })).id;
    taskOfB = (await database.prisma.task.create({ data: { shop: SHOP_B, kind: "ads.sync", status: "failed", error: "secret detail of B" } })).id;
  });

  it("serves a shop its own task", async () => {
    const response = await load(SHOP_A, taskOfA);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { task: { id: string; progress: number } };
    expect(body.task).toMatchObject({ id: taskOfA, progress: 3 });
  });

  it("answers 404 for another shop's task, revealing nothing", async () => {
    const response = await load(SHOP_A, taskOfB);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("secret detail of B");
  });

  it("answers 404 alike for an id that does not exist", async () => {
    expect((await load(SHOP_B, "no-such-task")).status).toBe(404);
    expect((await load(SHOP_B, taskOfB)).status).toBe(200);
  });

  it("refuses a session token signed with another secret", async () => {
    const forged = mintSessionToken({ ...APP, apiSecret: "not-the-secret" }, SHOP_B, "1001");
    const request = new Request(`http://localhost:3000/app/tasks/${taskOfB}?_data=routes%2Fapp.tasks.%24id`, {
      headers: { authorization: `Bearer ${forged}`, "user-agent": "Mozilla/5.0 Chrome/156" },
    });
    const response = await taskLoader({ request, params: { id: taskOfB }, context: {} }).catch((r: unknown) => r as Response);
    expect(response.status).toBe(401);
  });
});
