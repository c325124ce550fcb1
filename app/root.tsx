import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { createI18n, DEFAULT_LOCALE, resolveLocale } from "~/modules/i18n";
import { translationBundle } from "~/modules/i18n/index.server";
// Only this section of en.json reaches the client: the root loader does not run when no route
// matches, and the 404 page still needs words.
import { errors as englishErrors } from "~/locales/en.json";

const ERRORS_ONLY_BUNDLE = { locale: DEFAULT_LOCALE, messages: { en: { errors: englishErrors } } };

export const links: LinksFunction = () => [
  { rel: "icon", type: "image/svg+xml", href: "/illustrations/tessera-mark.svg" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  return json({ i18n: translationBundle(resolveLocale(request)) });
};

// Shopify admin passes `locale` only on the document load; client navigations do not carry it,
// so the language chosen then holds until the admin reloads the frame.
export const shouldRevalidate = () => false;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const bundle = data?.i18n;
  const i18n = useMemo(() => createI18n(bundle ?? ERRORS_ONLY_BUNDLE), [bundle]);
  return (
    <html lang={i18n.language} dir={i18n.dir()}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Errors outside the embedded app (unknown URLs, the public landing page). */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1.5rem" }}>
      <h1>{notFound ? t("errors.notFound.title") : t("errors.generic.title")}</h1>
      <p>{notFound ? t("errors.notFound.body") : t("errors.generic.body")}</p>
    </main>
  );
}
