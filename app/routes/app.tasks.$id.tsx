import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useNavigate, useRevalidator, useRouteError } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Card,
  EmptyState,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber, formatPercent, LocalTime } from "~/modules/i18n";
import { isTaskActive, TaskStatusBadge, taskCompletion, taskKindLabel } from "~/modules/tasks";
import { findTaskForShop } from "~/modules/tasks/index.server";
import { authenticate } from "~/shopify.server";

const POLL_MS = 2_000;

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  // Scoped by shop: another shop's task id is indistinguishable from an unknown one.
  const task = await findTaskForShop(session.shop, params.id ?? "");
  if (!task) throw new Response("Not found", { status: 404 });
  return json({ task });
};

export default function TaskPage() {
  const { task } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const active = isTaskActive(task.status);
  usePollWhile(active, task);

  const completion = taskCompletion(task);
  const locale = i18n.language;
  const tone = task.status === "failed" ? "critical" : task.status === "succeeded" ? "success" : "highlight";
  return (
    <Page>
      <TaskTitleBar title={taskKindLabel(t, task.kind)} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {task.status === "failed" && (
              <Banner tone="critical" title={t("tasks.detail.errorTitle")}>
                <BlockStack gap="200">
                  {task.error && <p>{task.error}</p>}
                  <p>{t("tasks.detail.errorHelp")}</p>
                </BlockStack>
              </Banner>
            )}
            <Card>
              <BlockStack gap="400">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd" id="task-progress">
                    {t("tasks.detail.progressTitle")}
                  </Text>
                  <TaskStatusBadge status={task.status} />
                </InlineStack>
                <ProgressBar
                  progress={(completion ?? 0) * 100}
                  tone={tone}
                  animated={active}
                  ariaLabelledBy="task-progress"
                />
                <InlineStack align="space-between">
                  <Text as="p">
                    {task.total > 0
                      ? t("tasks.detail.progress", {
                          progress: formatNumber(locale, task.progress),
                          total: formatNumber(locale, task.total),
                        })
                      : t("tasks.detail.progressPending")}
                  </Text>
                  {completion !== undefined && (
                    <Text as="p" tone="subdued">
                      {formatPercent(locale, completion)}
                    </Text>
                  )}
                </InlineStack>
                {active && (
                  <Text as="p" variant="bodySm" tone="subdued">
                    {t("tasks.detail.autoRefresh")}
                  </Text>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("tasks.detail.detailsTitle")}
              </Text>
              <Detail term={t("tasks.detail.type")}>{task.kind}</Detail>
              <Detail term={t("tasks.detail.id")}>{task.id}</Detail>
              <Detail term={t("tasks.detail.created")}>
                <LocalTime value={task.createdAt} />
              </Detail>
              <Detail term={t("tasks.detail.started")}>
                <OptionalTime value={task.startedAt} />
              </Detail>
              <Detail term={t("tasks.detail.finished")}>
                <OptionalTime value={task.finishedAt} />
              </Detail>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function TaskTitleBar({ title }: { title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <TitleBar title={title}>
      <button variant="breadcrumb" onClick={() => navigate("/app")}>
        {t("tasks.detail.back")}
      </button>
    </TitleBar>
  );
}

// Term above value: the one-third column is too narrow for a two-column list in German or French.
function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <BlockStack gap="050">
      <Text as="h3" variant="bodySm" tone="subdued">
        {term}
      </Text>
      <Text as="p" breakWord>
        {children}
      </Text>
    </BlockStack>
  );
}

function OptionalTime({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return value ? <LocalTime value={value} /> : <>{t("tasks.detail.notYet")}</>;
}

/** Reloads this route's data every few seconds while the task is queued or running. */
function usePollWhile(active: boolean, data: unknown) {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(revalidate, POLL_MS);
    return () => clearTimeout(timer);
  }, [active, data, revalidate]);
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (!isRouteErrorResponse(error) || error.status !== 404) return boundary.error(error);
  return (
    <Page>
      <TitleBar title={t("tasks.notFound.title")} />
      <Card>
        <EmptyState
          heading={t("tasks.notFound.title")}
          action={{ content: t("tasks.notFound.action"), url: "/app" }}
          image="/illustrations/tasks.svg"
        >
          <p>{t("tasks.notFound.body")}</p>
        </EmptyState>
      </Card>
    </Page>
  );
}
