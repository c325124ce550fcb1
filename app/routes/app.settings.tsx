import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  DescriptionList,
  EmptyState,
  InlineStack,
  Layout,
  Link,
  Page,
  Tag,
  Text,
} from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import { currencyName, languageName } from "~/modules/i18n";
import { loadShopProfile, type ShopLanguage, type ShopProfile } from "~/modules/shops/shop-profile.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return json({ profile: await loadShopProfile(admin, session.shop) });
};

export default function SettingsPage() {
  const { profile } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Page>
      <TitleBar title={t("settings.title")} />
      <Layout>
        {profile.ok ? (
          <ShopSections profile={profile.profile} />
        ) : (
          <Layout.Section>
            <Banner tone="critical" title={t("settings.error.title")}>
              <BlockStack gap="200">
                <p>{t("settings.error.body")}</p>
                <p>{t("settings.error.details", { message: profile.message })}</p>
              </BlockStack>
            </Banner>
          </Layout.Section>
        )}
        <Layout.AnnotatedSection title={t("settings.accounts.title")}>
          <Card>
            <EmptyState
              heading={t("settings.accounts.empty.heading")}
              action={{ content: t("settings.accounts.empty.action"), url: "/app/ads" }}
              image="/illustrations/settings.svg"
            >
              <BlockStack gap="200">
                <p>{t("settings.accounts.empty.body")}</p>
                <p>{t("settings.accounts.empty.firstStep")}</p>
              </BlockStack>
            </EmptyState>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}

function ShopSections({ profile }: { profile: ShopProfile }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const onlyPrimary = !profile.languages.some((l) => l.published && !l.primary);
  return (
    <>
      <Layout.AnnotatedSection title={t("settings.store.title")}>
        <Card>
          <DescriptionList
            gap="tight"
            items={[
              { term: t("settings.store.name"), description: profile.name },
              { term: t("settings.store.email"), description: profile.email },
              {
                term: t("settings.store.primaryDomain"),
                description: (
                  <Link url={profile.primaryDomain.url} target="_blank">
                    {profile.primaryDomain.host}
                  </Link>
                ),
              },
              { term: t("settings.store.myshopifyDomain"), description: profile.myshopifyDomain },
              { term: t("settings.store.currency"), description: currencyName(locale, profile.currencyCode) },
              { term: t("settings.store.timezone"), description: profile.ianaTimezone },
              {
                term: t("settings.store.plan"),
                description: (
                  <InlineStack gap="200" blockAlign="center">
                    <span>{profile.plan.name}</span>
                    {profile.plan.developmentStore && <Badge>{t("settings.store.developmentStore")}</Badge>}
                    {profile.plan.shopifyPlus && <Badge tone="info">{t("settings.store.shopifyPlus")}</Badge>}
                  </InlineStack>
                ),
              },
            ]}
          />
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection title={t("settings.languages.title")} description={t("settings.languages.description")}>
        <Card>
          <BlockStack gap="300">
            {profile.languages.map((language) => (
              <LanguageRow key={language.locale} language={language} />
            ))}
            {onlyPrimary && (
              <Banner tone="info">
                <p>{t("settings.languages.onlyPrimary")}</p>
              </Banner>
            )}
          </BlockStack>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection title={t("settings.access.title")} description={t("settings.access.description")}>
        <Card>
          <BlockStack gap="300">
            <InlineStack gap="200">
              {profile.grantedScopes.map((scope) => (
                <Tag key={scope}>{scope}</Tag>
              ))}
            </InlineStack>
            <Text as="p" tone="subdued">
              {t("settings.access.interfaceLanguage", { language: languageName(locale, locale) })}
            </Text>
          </BlockStack>
        </Card>
      </Layout.AnnotatedSection>
    </>
  );
}

function LanguageRow({ language }: { language: ShopLanguage }) {
  const { t, i18n } = useTranslation();
  return (
    <InlineStack gap="200" align="space-between" blockAlign="center">
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" fontWeight="medium">
          {languageName(i18n.language, language.locale, language.name)}
        </Text>
        <Text as="span" tone="subdued">
          {language.locale}
        </Text>
      </InlineStack>
      <InlineStack gap="100">
        {language.primary && <Badge tone="info">{t("settings.languages.primary")}</Badge>}
        {language.published ? (
          <Badge tone="success">{t("settings.languages.published")}</Badge>
        ) : (
          <Badge>{t("settings.languages.unpublished")}</Badge>
        )}
      </InlineStack>
    </InlineStack>
  );
}
