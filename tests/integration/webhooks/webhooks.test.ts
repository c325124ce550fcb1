import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueJob } from "~/modules/jobs/enqueue.server";
import { queue } from "~/modules/jobs/runtime.server";
import { startBackgroundWorker, stopBackgroundWorker } from "~/modules/jobs/worker.server";
import { appKeyRing, encryptSecret } from "~/modules/security/encryption.server";
import { pruneDeliveriesJob } from "~/modules/maintenance/prune-deliveries.job.server";
import { action as appUninstalled } from "~/routes/webhooks.app.uninstalled";
import { action as customersDataRequest } from "~/routes/webhooks.customers.data_request";
import { action as customersRedact } from "~/routes/webhooks.customers.redact";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { countRowsPerTable, useTestDatabase } from "../../support/database";
import { until } from "../../support/until";
import { webhookRequest } from "../../support/webhook-request";

const SHOP = "webhook-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const database = useTestDatabase();

const call = (action: (args: any) => Promise<Response>, request: Request) =>
  action({ request, params: {}, context: {} }).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown; // authenticate.webhook throws its 401/400
    throw thrown;
  });


const processed = (webhookId: string, shop = SHOP) =>
  until(async () => (await database.prisma.webhookDelivery.findFirst({ where: { webhookId, shop } }))?.processedAt);

const dataRequestPayload = (shop: string) => ({
  shop_id: 1,
  shop_domain: shop,
  customer: { id: 42, email: "ana@example.com", phone: null },
  orders_requested: [1001, 1002],
  data_request: { id: 9 },
});

async function seedShop(shop: string) {
  const p = database.prisma;
  await p.shop.create({ data: { shop, scopes: "read_products" } });
  await p.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: encryptSecret("shpat_test", appKeyRing()) } });
  await p.task.create({ data: { shop, kind: "copy.bulk-draft", status: "running" } });
  await p.deadJob.create({ data: { id: crypto.randomUUID(), shop, queue: "x", payload: {}, error: "e", attempts: 6 } });
  await p.complianceRequest.create({ data: { shop, webhookId: crypto.randomUUID(), kind: "customers/data_request" } });
  await p.webhookDelivery.create({ data: { webhookId: crypto.randomUUID(), shop, topic: "app/scopes_update", processedAt: new Date() } });
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("webhooks", () => {
  beforeAll(async () => {
    await startBackgroundWorker();
  });
  afterAll(async () => {
    await stopBackgroundWorker();
  });
  beforeEach(() => database.reset());

  it("accepts a delivery with a valid HMAC and does the work in a job", async () => {
    const webhookId = crypto.randomUUID();
    const response = await call(customersDataRequest, webhookRequest({ topic: "customers/data_request", shop: SHOP, payload: dataRequestPayload(SHOP), webhookId }));
    expect(response.status).toBe(200);
    await processed(webhookId);
    const requests = await database.prisma.complianceRequest.findMany({ where: { shop: SHOP } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ kind: "customers/data_request", customerId: "42", ordersCount: 2 });
  });

  it("answers 401 to a forged or missing HMAC and changes nothing", async () => {
    await seedShop(SHOP);
    const before = await countRowsPerTable(database.prisma, SHOP);
    const forged = webhookRequest({ topic: "shop/redact", shop: SHOP, payload: { shop_id: 1, shop_domain: SHOP }, secret: "not-the-app-secret" });
    expect((await call(shopRedact, forged)).status).toBe(401);
    const missing = webhookRequest({ topic: "shop/redact", shop: SHOP, payload: { shop_id: 1, shop_domain: SHOP }, hmac: null });
    expect((await call(shopRedact, missing)).status).toBe(401);
    const garbage = webhookRequest({ topic: "shop/redact", shop: SHOP, payload: { shop_id: 1, shop_domain: SHOP }, hmac: "AAAA" });
    expect((await call(shopRedact, garbage)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 500)); // give a (wrongly) queued job time to run
    expect(await countRowsPerTable(database.prisma, SHOP)).toEqual(before);
  });

  it("rejects a payload that does not match the topic, changing nothing", async () => {
    const response = await call(customersRedact, webhookRequest({ topic: "customers/redact", shop: SHOP, payload: { shop_domain: SHOP } }));
    expect(response.status).toBe(400);
    expect(total(await countRowsPerTable(database.prisma, SHOP))).toBe(0);
  });

  it("gives three deliveries of one webhook a single effect", async () => {
    const webhookId = crypto.randomUUID();
    const deliver = () => call(customersDataRequest, webhookRequest({ topic: "customers/data_request", shop: SHOP, payload: dataRequestPayload(SHOP), webhookId }));
    const statuses = [(await deliver()).status, (await deliver()).status];
    await processed(webhookId);
    statuses.push((await deliver()).status);
    expect(statuses).toEqual([200, 200, 200]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await database.prisma.complianceRequest.count({ where: { shop: SHOP } })).toBe(1);
    const delivery = await database.prisma.webhookDelivery.findFirst({ where: { webhookId, shop: SHOP } });
    expect(delivery?.attempts).toBe(3);
  });

  it("shop/redact leaves zero rows of the shop in every table, and other shops untouched", async () => {
    await seedShop(SHOP);
    await seedShop(OTHER);
    const otherBefore = await countRowsPerTable(database.prisma, OTHER);
    const seeded = await countRowsPerTable(database.prisma, SHOP);
    expect(Object.values(seeded).every((n) => n > 0)).toBe(true); // every shop table got a row

    const response = await call(shopRedact, webhookRequest({ topic: "shop/redact", shop: SHOP, payload: { shop_id: 1, shop_domain: SHOP } }));
    expect(response.status).toBe(200);
    const after = await until(async () => {
      const counts = await countRowsPerTable(database.prisma, SHOP);
      return total(counts) === 0 ? counts : undefined;
    });
    expect(Object.keys(after).sort()).toEqual(Object.keys(seeded).sort());
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(await countRowsPerTable(database.prisma, OTHER)).toEqual(otherBefore);
  });

  it("customers/redact records the erasure as completed", async () => {
    const webhookId = crypto.randomUUID();
    const payload = { shop_id: 1, shop_domain: SHOP, customer: { id: 7 }, orders_to_redact: [5] };
    expect((await call(customersRedact, webhookRequest({ topic: "customers/redact", shop: SHOP, payload, webhookId }))).status).toBe(200);
    await processed(webhookId);
    const row = await database.prisma.complianceRequest.findFirst({ where: { shop: SHOP, webhookId } });
    expect(row?.completedAt).toBeInstanceOf(Date);
    expect(row?.customerId).toBe("7");
  });

  it("app/uninstalled removes sessions and stops the shop's queued jobs", async () => {
    await seedShop(SHOP);
    await seedShop(OTHER);
    const boss = await queue();
    const later = await enqueueJob(pruneDeliveriesJob, { shop: SHOP }, { startAfterSeconds: 3600 });
    const otherLater = await enqueueJob(pruneDeliveriesJob, { shop: OTHER }, { startAfterSeconds: 3600 });
    const webhookId = crypto.randomUUID();
    expect((await call(appUninstalled, webhookRequest({ topic: "app/uninstalled", shop: SHOP, payload: { id: 1, domain: SHOP }, webhookId }))).status).toBe(200);
    await processed(webhookId);
    expect(await database.prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await database.prisma.session.count({ where: { shop: OTHER } })).toBe(1);
    expect((await database.prisma.shop.findUnique({ where: { shop: SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
    expect((await database.prisma.task.findFirst({ where: { shop: SHOP } }))?.status).toBe("cancelled");
    expect((await boss.getJobById(pruneDeliveriesJob.name, later!))?.state).toBe("cancelled");
    expect((await boss.getJobById(pruneDeliveriesJob.name, otherLater!))?.state).toBe("created");
  });

  it("refuses a delivery of another topic at a topic's endpoint", async () => {
    const response = await call(shopRedact, webhookRequest({ topic: "customers/redact", shop: SHOP, payload: { shop_id: 1, shop_domain: SHOP, customer: { id: 1 } } }));
    expect(response.status).toBe(400);
  });
});
