import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { EmptyStatePage } from "~/components/EmptyStatePage";
import { authenticate } from "~/shopify.server";

// Revenue reports land here; they need the pixel first (setup guide).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function AttributionPage() {
  const { t } = useTranslation();
  return (
    <EmptyStatePage
      title={t("attribution.title")}
      heading={t("attribution.empty.heading")}
      body={t("attribution.empty.body")}
      firstStep={t("attribution.empty.firstStep")}
      action={{ content: t("attribution.empty.action"), url: "/app" }}
      secondaryAction={{ content: t("attribution.empty.secondaryAction"), url: "/app/ads" }}
      image="/illustrations/attribution.svg"
    />
  );
}
