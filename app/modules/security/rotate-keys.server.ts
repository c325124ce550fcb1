import type { PrismaClient } from "~/generated/prisma/client";
import { decryptSecret, encryptSecret, keyIdOf, type KeyRing } from "./encryption.server";

/**
 * Re-encrypts every stored token that is not under the current key, shop by shop.
 * Safe to re-run: values already under the current key are left alone.
 */
export async function reencryptStoredSecrets(prisma: PrismaClient, ring: KeyRing): Promise<{ shops: number; rewritten: number }> {
  const shops = await prisma.session.findMany({ distinct: ["shop"], select: { shop: true } });
  let rewritten = 0;
  for (const { shop } of shops) {
    const sessions = await prisma.session.findMany({ where: { shop }, select: { id: true, accessToken: true, refreshToken: true } });
    for (const s of sessions) {
      const stale = (v: string | null) => v != null && keyIdOf(v) !== ring.current.id;
      if (!stale(s.accessToken) && !stale(s.refreshToken)) continue;
      const reseal = (v: string) => encryptSecret(decryptSecret(v, ring), ring);
      await prisma.session.updateMany({
        where: { id: s.id, shop },
        data: {
          accessToken: reseal(s.accessToken),
          refreshToken: s.refreshToken ? reseal(s.refreshToken) : null,
        },
      });
      rewritten++;
    }
  }
  return { shops: shops.length, rewritten };
}
