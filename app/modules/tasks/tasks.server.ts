import { db } from "~/db.server";

// Only what staff screens show; every query below is scoped by the authenticated shop.
const TASK_FIELDS = {
  id: true,
  kind: true,
  status: true,
  progress: true,
  total: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

const MAX_RECENT = 50;

/** One task of this shop; null for unknown ids and for another shop's task alike. */
export async function findTaskForShop(shop: string, id: string) {
  const prisma = await db();
  return prisma.task.findFirst({ where: { id, shop }, select: TASK_FIELDS });
}

export async function listRecentTasks(shop: string, limit: number) {
  const prisma = await db();
  return prisma.task.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(1, Math.trunc(limit)), MAX_RECENT),
    select: TASK_FIELDS,
  });
}
