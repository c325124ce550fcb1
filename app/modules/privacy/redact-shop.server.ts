import { db } from "~/db.server";
import { cancelShopJobs } from "~/modules/jobs/shop-jobs.server";
import { tablesWithShopColumn } from "./shop-tables.server";

/**
 * shop/redact (48 h after uninstall): every row Tessera holds for the shop goes. The table list
 * comes from the catalog, so a table added later cannot be forgotten.
 */
export async function redactShop(shop: string): Promise<Record<string, number>> {
  await cancelShopJobs(shop);
  const prisma = await db();
  const tables = await tablesWithShopColumn(prisma);
  // One batch transaction: all of the shop goes, or none of it (short, so PGlite is not held).
  const counts = await prisma.$transaction(
    tables.map((table) => prisma.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "shop" = $1`, shop)),
  );
  return Object.fromEntries(tables.map((table, i) => [table, counts[i] ?? 0]));
}
