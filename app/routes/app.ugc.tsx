import type { LoaderFunctionArgs } from "@remix-run/node";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { authenticate } from "~/shopify.server";

// Moderation inbox lands here; the gallery block is the first step (setup guide).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function UgcPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("ugc.title")} />
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState
              heading={t("ugc.empty.heading")}
              action={{ content: t("ugc.empty.action"), url: "/app" }}
              secondaryAction={{ content: t("ugc.empty.secondaryAction"), url: "/app/settings" }}
              image="/illustrations/ugc.svg"
            >
              <BlockStack gap="200">
                <p>{t("ugc.empty.body")}</p>
                <p>{t("ugc.empty.firstStep")}</p>
              </BlockStack>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
