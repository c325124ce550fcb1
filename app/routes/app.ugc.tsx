import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { EmptyStatePage } from "~/components/EmptyStatePage";
import { authenticate } from "~/shopify.server";

// Moderation inbox lands here; the gallery block is the first step (setup guide).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function UgcPage() {
  const { t } = useTranslation();
  return (
    <EmptyStatePage
      title={t("ugc.title")}
      heading={t("ugc.empty.heading")}
      body={t("ugc.empty.body")}
      firstStep={t("ugc.empty.firstStep")}
      action={{ content: t("ugc.empty.action"), url: "/app" }}
      secondaryAction={{ content: t("ugc.empty.secondaryAction"), url: "/app/settings" }}
      image="/illustrations/ugc.svg"
    />
  );
}
