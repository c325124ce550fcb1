import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  Divider,
  EmptyState,
  InlineStack,
  Layout,
  Link,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatNumber, formatPercent, LocalTime } from "~/modules/i18n";
import { loadSetupGuide, type SetupStep } from "~/modules/shops/setup-guide.server";
import { TaskStatusBadge, taskCompletion, taskKindLabel } from "~/modules/tasks";
import { listRecentTasks } from "~/modules/tasks/index.server";
import { authenticate } from "~/shopify.server";

const RECENT_TASKS = 10;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [setup, tasks] = await Promise.all([
    loadSetupGuide(admin, session.shop),
    listRecentTasks(session.shop, RECENT_TASKS),
  ]);
  return json({ setup, tasks });
};

export default function Dashboard() {
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("dashboard.title")} />
      <Layout>
        <Layout.Section>
          <SetupGuideCard />
        </Layout.Section>
        <Layout.Section>
          <RecentTasksCard />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function SetupGuideCard() {
  const { setup } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const done = setup.steps.filter((s) => s.done).length;
  const total = setup.steps.length;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t("dashboard.setup.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("dashboard.setup.description")}
          </Text>
        </BlockStack>
        <BlockStack gap="200">
          <Text as="p" variant="bodySm" tone="subdued" id="setup-progress">
            {t("dashboard.setup.progress", {
              done: formatNumber(i18n.language, done),
              total: formatNumber(i18n.language, total),
            })}
          </Text>
          <ProgressBar progress={(done / total) * 100} size="small" tone="primary" ariaLabelledBy="setup-progress" />
        </BlockStack>
        {done === total && <Banner tone="success">{t("dashboard.setup.complete")}</Banner>}
        {!setup.languagesChecked && <Banner tone="warning">{t("dashboard.setup.languagesUnavailable")}</Banner>}
        <BlockStack gap="300">
          {setup.steps.map((step, index) => (
            <BlockStack gap="300" key={step.id}>
              {index > 0 && <Divider />}
              <SetupStepRow step={step} />
            </BlockStack>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

function SetupStepRow({ step }: { step: SetupStep }) {
  const { t } = useTranslation();
  const text = setupStepText(t, step.id);
  return (
    <InlineStack gap="400" align="space-between" blockAlign="center">
      <Box maxWidth="36rem">
        <BlockStack gap="100">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">
              {text.title}
            </Text>
            {step.done ? (
              <Badge tone="success" progress="complete">
                {t("dashboard.setup.done")}
              </Badge>
            ) : (
              <Badge progress="incomplete">{t("dashboard.setup.todo")}</Badge>
            )}
          </InlineStack>
          <Text as="p" tone="subdued">
            {text.description}
          </Text>
        </BlockStack>
      </Box>
      <Button url={step.path} variant={step.done ? "tertiary" : "secondary"}>
        {text.action}
      </Button>
    </InlineStack>
  );
}

function setupStepText(t: TFunction, id: SetupStep["id"]) {
  switch (id) {
    case "languages":
      return {
        title: t("dashboard.setup.steps.languages.title"),
        description: t("dashboard.setup.steps.languages.description"),
        action: t("dashboard.setup.steps.languages.action"),
      };
    case "channel":
      return {
        title: t("dashboard.setup.steps.channel.title"),
        description: t("dashboard.setup.steps.channel.description"),
        action: t("dashboard.setup.steps.channel.action"),
      };
    case "gallery":
      return {
        title: t("dashboard.setup.steps.gallery.title"),
        description: t("dashboard.setup.steps.gallery.description"),
        action: t("dashboard.setup.steps.gallery.action"),
      };
    case "pixel":
      return {
        title: t("dashboard.setup.steps.pixel.title"),
        description: t("dashboard.setup.steps.pixel.description"),
        action: t("dashboard.setup.steps.pixel.action"),
      };
  }
}

function RecentTasksCard() {
  const { tasks } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  if (tasks.length === 0) {
    return (
      <Card>
        <EmptyState
          heading={t("dashboard.tasks.empty.heading")}
          action={{ content: t("dashboard.tasks.empty.action"), url: "/app/copy" }}
          image="/illustrations/tasks.svg"
        >
          <p>{t("dashboard.tasks.empty.body")}</p>
        </EmptyState>
      </Card>
    );
  }
  const rows = tasks.map((task) => {
    const completion = taskCompletion(task);
    return [
      <Link key="kind" url={`/app/tasks/${task.id}`} removeUnderline>
        {taskKindLabel(t, task.kind)}
      </Link>,
      <TaskStatusBadge key="status" status={task.status} />,
      completion === undefined ? "—" : formatPercent(i18n.language, completion),
      <LocalTime key="created" value={task.createdAt} />,
    ];
  });
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t("dashboard.tasks.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t("dashboard.tasks.description")}
          </Text>
        </BlockStack>
      </Box>
      <DataTable
        columnContentTypes={["text", "text", "numeric", "text"]}
        headings={[
          t("dashboard.tasks.columns.task"),
          t("dashboard.tasks.columns.status"),
          t("dashboard.tasks.columns.progress"),
          t("dashboard.tasks.columns.created"),
        ]}
        rows={rows}
      />
    </Card>
  );
}
