import type { LoaderFunctionArgs } from "@remix-run/node";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { authenticate } from "~/shopify.server";

// Revenue reports land here; they need the pixel first (setup guide).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function AttributionPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("attribution.title")} />
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState
              heading={t("attribution.empty.heading")}
              action={{ content: t("attribution.empty.action"), url: "/app" }}
              secondaryAction={{ content: t("attribution.empty.secondaryAction"), url: "/app/ads" }}
              image="/illustrations/attribution.svg"
            >
              <BlockStack gap="200">
                <p>{t("attribution.empty.body")}</p>
                <p>{t("attribution.empty.firstStep")}</p>
              </BlockStack>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
