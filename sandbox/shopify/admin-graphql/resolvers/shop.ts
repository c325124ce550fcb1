import { gid, type AdminContext } from "../context";
import { metafieldOwnerFields } from "../../content/metafield-fields";
import { storePropertyFields } from "../../platform/store-properties";

// QueryRoot.shop — only the fields the admin shell reads; anything else fails loudly.
export function shop(_args: unknown, ctx: AdminContext) {
  const s = ctx.shop;
  return {
    ...metafieldOwnerFields(ctx, gid("Shop", s.id)), // HasMetafields (shop-owner-metafields-read-after-write.json)
    __typename: "Shop",
    id: gid("Shop", s.id),
    name: s.name,
    email: s.email,
    contactEmail: s.email,
    myshopifyDomain: s.domain,
    currencyCode: s.currencyCode,
    enabledPresentmentCurrencies: [s.currencyCode],
    ianaTimezone: s.ianaTimezone,
    ...timezoneFields(s.ianaTimezone),
    url: `https://${s.primaryDomain.host}`,
    primaryDomain: {
      __typename: "Domain",
      id: gid("Domain", s.primaryDomain.id),
      host: s.primaryDomain.host,
      url: `https://${s.primaryDomain.host}`,
      sslEnabled: true,
    },
    plan: { __typename: "ShopPlan", ...s.plan, displayName: s.plan.publicDisplayName },
    ...storePropertyFields(s), // taxesIncluded, units, limits, features (platform/store-properties.ts)
  };
}

/** Shop.timezoneAbbreviation / timezoneOffset ("-0400") / timezoneOffsetMinutes, derived from the IANA zone at the current instant. */
export function timezoneFields(ianaTimezone: string, at = new Date()) {
  const part = (timeZoneName: "short" | "longOffset") =>
    new Intl.DateTimeFormat("en-US", { timeZone: ianaTimezone, timeZoneName }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(part("longOffset"));
  const minutes = m?.[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const abs = Math.abs(minutes);
  return {
    timezoneAbbreviation: part("short"),
    timezoneOffset: `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`,
    timezoneOffsetMinutes: minutes,
  };
}
