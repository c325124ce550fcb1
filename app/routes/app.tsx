import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useTranslation } from "react-i18next";
import { appEnv } from "~/modules/config/env.server";
import { resolveLocale } from "~/modules/i18n";
import { polarisTranslations } from "~/modules/i18n/index.server";
import { authenticate } from "~/shopify.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const env = appEnv();
  const locale = resolveLocale(request);
  return json({
    apiKey: env.SHOPIFY_API_KEY,
    // Unset in production: AppProvider then loads App Bridge from Shopify's CDN.
    appBridgeUrl: env.APP_BRIDGE_URL,
    locale,
    polarisTranslations: polarisTranslations(locale),
  });
};

// Same reason as root: the locale comes with the document load only, and nothing here changes.
export const shouldRevalidate = () => false;

export default function App() {
  const { apiKey, appBridgeUrl, polarisTranslations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={polarisTranslations} __APP_BRIDGE_URL={appBridgeUrl}>
      <NavMenu>
        <Link to="/app" rel="home">
          {t("nav.dashboard")}
        </Link>
        <Link to="/app/copy">{t("nav.copy")}</Link>
        <Link to="/app/ugc">{t("nav.ugc")}</Link>
        <Link to="/app/ads">{t("nav.ads")}</Link>
        <Link to="/app/attribution">{t("nav.attribution")}</Link>
        <Link to="/app/settings">{t("nav.settings")}</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs these so its auth responses (bounce pages, headers) reach the browser intact.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
