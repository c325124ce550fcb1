import type { LoaderFunctionArgs } from "@remix-run/node";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { authenticate } from "~/shopify.server";

// Copy review queue lands here; until then, the first step is publishing market languages (Settings shows them).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function CopyPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("copy.title")} />
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState
              heading={t("copy.empty.heading")}
              action={{ content: t("copy.empty.action"), url: "/app/settings" }}
              secondaryAction={{ content: t("copy.empty.secondaryAction"), url: "/app" }}
              image="/illustrations/copy.svg"
            >
              <BlockStack gap="200">
                <p>{t("copy.empty.body")}</p>
                <p>{t("copy.empty.firstStep")}</p>
              </BlockStack>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
