import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";

export const meta: MetaFunction = () => [{ title: "Tessera" }];

// Shopify opens the app URL with ?shop=…: send it straight into the embedded app.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return null;
};

const FEATURES = ["copy", "ugc", "ads", "attribution"] as const;

export default function Landing() {
  const { t } = useTranslation();
  const featureText = {
    copy: { title: t("landing.features.copy.title"), body: t("landing.features.copy.body") },
    ugc: { title: t("landing.features.ugc.title"), body: t("landing.features.ugc.body") },
    ads: { title: t("landing.features.ads.title"), body: t("landing.features.ads.body") },
    attribution: {
      title: t("landing.features.attribution.title"),
      body: t("landing.features.attribution.body"),
    },
  };
  return (
    <main style={styles.page}>
      <header style={styles.header}>
        <img src="/illustrations/tessera-mark.svg" alt="" width={56} height={56} />
        <h1 style={styles.title}>{t("app.name")}</h1>
        <p style={styles.tagline}>{t("landing.tagline")}</p>
        <p style={styles.muted}>{t("landing.intro")}</p>
      </header>
      <ul style={styles.features}>
        {FEATURES.map((id) => (
          <li key={id} style={styles.feature}>
            <img src={`/illustrations/${id}.svg`} alt="" width={96} height={96} />
            <h2 style={styles.featureTitle}>{featureText[id].title}</h2>
            <p style={styles.muted}>{featureText[id].body}</p>
          </li>
        ))}
      </ul>
      <section style={styles.install}>
        <h2 style={styles.featureTitle}>{t("landing.install.title")}</h2>
        <p style={styles.muted}>{t("landing.install.body")}</p>
      </section>
    </main>
  );
}

// The landing page stays outside Polaris: a few inline styles keep it dependency-free.
const styles = {
  page: {
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif",
    color: "#303030",
    maxWidth: "60rem",
    margin: "0 auto",
    padding: "3rem 1.5rem",
    lineHeight: 1.5,
  },
  header: { textAlign: "center", maxWidth: "40rem", margin: "0 auto 2.5rem" },
  title: { fontSize: "2.25rem", margin: "0.75rem 0 0.5rem" },
  tagline: { fontSize: "1.25rem", margin: "0 0 0.75rem" },
  muted: { color: "#616161", margin: 0 },
  features: {
    listStyle: "none",
    padding: 0,
    margin: 0,
    display: "grid",
    gap: "1.25rem",
    gridTemplateColumns: "repeat(auto-fit, minmax(13rem, 1fr))",
  },
  feature: { background: "#f7f7f7", borderRadius: "0.75rem", padding: "1.25rem" },
  featureTitle: { fontSize: "1.05rem", margin: "0.75rem 0 0.25rem" },
  install: {
    marginTop: "2.5rem",
    padding: "1.25rem",
    borderRadius: "0.75rem",
    border: "1px solid #e3e3e3",
    textAlign: "center",
  },
} satisfies Record<string, CSSProperties>;
