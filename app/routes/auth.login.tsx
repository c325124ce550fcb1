import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { appEnv } from "~/modules/config/env.server";
import { resolveLocale } from "~/modules/i18n";
import { polarisTranslations } from "~/modules/i18n/index.server";
import { login } from "~/shopify.server";

// Where the library sends a visitor who opens the app without a shop (outside Shopify admin):
// they name their shop and are sent to Shopify to install or open the app.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

type LoginError = "missingShop" | "invalidShop" | null;

function loginError(result: Awaited<ReturnType<typeof login>>): LoginError {
  if (result?.shop === LoginErrorType.MissingShop) return "missingShop";
  if (result?.shop === LoginErrorType.InvalidShop) return "invalidShop";
  return null;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  // A GET without ?shop= is the empty form, not an error.
  const hasShop = new URL(request.url).searchParams.has("shop");
  const error = hasShop ? loginError(await login(request)) : null;
  return json({ error, apiKey: appEnv().SHOPIFY_API_KEY, polarisTranslations: polarisTranslations(resolveLocale(request)) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  return json({ error: loginError(await login(request)) });
};

export default function Login() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const error = actionData?.error ?? loaderData.error;
  return (
    <AppProvider isEmbeddedApp={false} apiKey={loaderData.apiKey} i18n={loaderData.polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">
                {t("login.title")}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={t("login.shopLabel")}
                helpText={t("login.shopHelp")}
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={
                  error === "missingShop" ? t("login.errors.missingShop") : error === "invalidShop" ? t("login.errors.invalidShop") : undefined
                }
              />
              <Button submit variant="primary">
                {t("login.submit")}
              </Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
