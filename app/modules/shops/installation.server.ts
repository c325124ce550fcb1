import { db } from "~/db.server";
import { cancelShopJobs } from "~/modules/jobs/shop-jobs.server";

/** Called after Shopify authentication: the shop is (re)installed with these scopes. */
export async function recordInstallation(shop: string, scopes: string) {
  const prisma = await db();
  await prisma.shop.upsert({
    where: { shop },
    create: { shop, scopes },
    update: { scopes, uninstalledAt: null },
  });
}

export async function isShopInstalled(shop: string): Promise<boolean> {
  const prisma = await db();
  const row = await prisma.shop.findUnique({ where: { shop }, select: { uninstalledAt: true } });
  return Boolean(row && !row.uninstalledAt);
}

/**
 * app/uninstalled: the shop's sessions go (its tokens are dead anyway), its queued jobs stop, and
 * its running tasks end as cancelled. The data stays until shop/redact, in case of a reinstall.
 */
export async function handleUninstall(shop: string) {
  await cancelShopJobs(shop);
  const prisma = await db();
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.updateMany({ where: { shop }, data: { uninstalledAt: new Date() } }),
    prisma.task.updateMany({
      where: { shop, status: { in: ["queued", "running"] } },
      data: { status: "cancelled", finishedAt: new Date() },
    }),
  ]);
}

/** app/scopes_update: keep the granted scopes we record in step with Shopify. */
export async function updateGrantedScopes(shop: string, scopes: string[]) {
  const prisma = await db();
  const scope = scopes.join(",");
  await prisma.$transaction([
    prisma.session.updateMany({ where: { shop }, data: { scope } }),
    prisma.shop.updateMany({ where: { shop }, data: { scopes: scope } }),
  ]);
}
