import { db } from "~/db.server";

/** Called after Shopify authentication: the shop is (re)installed with these scopes. */
export async function recordInstallation(shop: string, scopes: string) {
  const prisma = await db();
  await prisma.shop.upsert({
    where: { shop },
    create: { shop, scopes },
    update: { scopes, uninstalledAt: null },
  });
}
