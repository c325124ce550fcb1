import type { PrismaClient } from "~/generated/prisma/client";

/** Tables in the app's schema that hold per-shop rows (they all have a `shop` column). */
export async function tablesWithShopColumn(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND c.column_name = 'shop' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  return rows.map((r) => r.table_name).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
}
