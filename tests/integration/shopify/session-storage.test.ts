import { Session } from "@shopify/shopify-api";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { parseKeyRing } from "~/modules/security/encryption.server";
import { reencryptStoredSecrets } from "~/modules/security/rotate-keys.server";
import { EncryptedPrismaSessionStorage } from "~/modules/shopify/session-storage.server";
import { useTestDatabase } from "../../support/database";

const database = useTestDatabase();
const KEY_OLD = Buffer.alloc(32, 7).toString("base64");
const KEY_NEW = Buffer.alloc(32, 9).toString("base64");

function offlineSession(shop: string) {
  return new Session({
    id: `offline_${shop}`, shop, state: "state", isOnline: false, scope: "read_products",
    accessToken: "shpat_plaintext_token_123", refreshToken: "shprt_refresh_456",
    expires: new Date(Date.now() + 3_600_000), refreshTokenExpires: new Date(Date.now() + 86_400_000),
  });
}

describe("encrypted session storage", () => {
  beforeEach(() => database.reset());

  it("stores tokens only as ciphertext and loads them back", async () => {
    let ring = parseKeyRing(`old:${KEY_OLD}`);
    const storage = new EncryptedPrismaSessionStorage(db, () => ring);
    await storage.storeSession(offlineSession("enc.myshopify.com"));

    const row = await database.prisma.session.findUniqueOrThrow({ where: { id: "offline_enc.myshopify.com" } });
    expect(row.accessToken).not.toContain("shpat_plaintext_token_123");
    expect(row.refreshToken).not.toContain("shprt_refresh_456");
    expect(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(/shpat_|shprt_/);

    const loaded = await storage.loadSession("offline_enc.myshopify.com");
    expect(loaded?.accessToken).toBe("shpat_plaintext_token_123");
    expect(loaded?.refreshToken).toBe("shprt_refresh_456");
    expect(loaded?.isActive("read_products")).toBe(true);

    // Rotation: new key first, re-encrypt, then the old key can go.
    ring = parseKeyRing(`new:${KEY_NEW},old:${KEY_OLD}`);
    expect(await reencryptStoredSecrets(database.prisma, ring)).toEqual({ shops: 1, rewritten: 1 });
    expect(await reencryptStoredSecrets(database.prisma, ring)).toEqual({ shops: 1, rewritten: 0 });
    ring = parseKeyRing(`new:${KEY_NEW}`);
    expect((await storage.loadSession("offline_enc.myshopify.com"))?.accessToken).toBe("shpat_plaintext_token_123");
  });

  it("finds and deletes sessions by shop without touching other shops", async () => {
    const storage = new EncryptedPrismaSessionStorage(db, () => parseKeyRing(`old:${KEY_OLD}`));
    await storage.storeSession(offlineSession("a.myshopify.com"));
    await storage.storeSession(offlineSession("b.myshopify.com"));
    expect((await storage.findSessionsByShop("a.myshopify.com")).map((s) => s.id)).toEqual(["offline_a.myshopify.com"]);
    await storage.deleteSessions(["offline_a.myshopify.com"]);
    expect(await storage.loadSession("offline_a.myshopify.com")).toBeUndefined();
    expect(await storage.loadSession("offline_b.myshopify.com")).toBeDefined();
  });
});
