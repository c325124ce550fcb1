import type { LoaderFunctionArgs } from "@remix-run/node";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { authenticate } from "~/shopify.server";

// Channel connections land here; ads need approved localized copy first.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function AdsPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("ads.title")} />
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState
              heading={t("ads.empty.heading")}
              action={{ content: t("ads.empty.action"), url: "/app/copy" }}
              secondaryAction={{ content: t("ads.empty.secondaryAction"), url: "/app" }}
              image="/illustrations/ads.svg"
            >
              <BlockStack gap="200">
                <p>{t("ads.empty.body")}</p>
                <p>{t("ads.empty.firstStep")}</p>
              </BlockStack>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
