import { Badge, type BadgeProps } from "@shopify/polaris";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

// Client-safe helpers for showing a Task row (statuses as written by the job queue).
export type TaskStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export function isTaskActive(status: string): boolean {
  return status === "queued" || status === "running";
}

/** 0..1, or undefined while the total is not known yet. */
export function taskCompletion(task: { status: string; progress: number; total: number }): number | undefined {
  if (task.status === "succeeded") return 1;
  if (task.total <= 0) return undefined;
  return Math.min(1, Math.max(0, task.progress / task.total));
}

export function TaskStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const { tone, progress, label } = statusPresentation(t, status);
  return (
    <Badge tone={tone} progress={progress}>
      {label}
    </Badge>
  );
}

function statusPresentation(
  t: TFunction,
  status: string,
): { tone?: BadgeProps["tone"]; progress?: BadgeProps["progress"]; label: string } {
  switch (status) {
    case "queued":
      return { tone: "info", progress: "incomplete", label: t("tasks.status.queued") };
    case "running":
      return { tone: "attention", progress: "partiallyComplete", label: t("tasks.status.running") };
    case "succeeded":
      return { tone: "success", progress: "complete", label: t("tasks.status.succeeded") };
    case "failed":
      return { tone: "critical", label: t("tasks.status.failed") };
    case "cancelled":
      return { label: t("tasks.status.cancelled") };
    default:
      return { label: t("tasks.status.unknown") };
  }
}

/** Kinds are namespaced by module (`catalog.sync`, `copy.bulk-draft`): the prefix names the work. */
export function taskKindLabel(t: TFunction, kind: string): string {
  switch (kind.split(/[.:/_-]/)[0]) {
    case "catalog":
      return t("tasks.kind.catalog");
    case "copy":
      return t("tasks.kind.copy");
    case "ugc":
    case "media":
      return t("tasks.kind.ugc");
    case "galleries":
    case "gallery":
      return t("tasks.kind.galleries");
    case "ads":
    case "feeds":
    case "spend":
      return t("tasks.kind.ads");
    case "attribution":
      return t("tasks.kind.attribution");
    case "privacy":
      return t("tasks.kind.privacy");
    default:
      return t("tasks.kind.other");
  }
}
