import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { EmptyStatePage } from "~/components/EmptyStatePage";
import { authenticate } from "~/shopify.server";

// Channel connections land here; ads need approved localized copy first.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function AdsPage() {
  const { t } = useTranslation();
  return (
    <EmptyStatePage
      title={t("ads.title")}
      heading={t("ads.empty.heading")}
      body={t("ads.empty.body")}
      firstStep={t("ads.empty.firstStep")}
      action={{ content: t("ads.empty.action"), url: "/app/copy" }}
      secondaryAction={{ content: t("ads.empty.secondaryAction"), url: "/app" }}
      image="/illustrations/ads.svg"
    />
  );
}
