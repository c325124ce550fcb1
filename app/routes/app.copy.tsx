import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { EmptyStatePage } from "~/components/EmptyStatePage";
import { authenticate } from "~/shopify.server";

// Copy review queue lands here; until then, the first step is publishing market languages (Settings shows them).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export default function CopyPage() {
  const { t } = useTranslation();
  return (
    <EmptyStatePage
      title={t("copy.title")}
      heading={t("copy.empty.heading")}
      body={t("copy.empty.body")}
      firstStep={t("copy.empty.firstStep")}
      action={{ content: t("copy.empty.action"), url: "/app/settings" }}
      secondaryAction={{ content: t("copy.empty.secondaryAction"), url: "/app" }}
      image="/illustrations/copy.svg"
    />
  );
}
