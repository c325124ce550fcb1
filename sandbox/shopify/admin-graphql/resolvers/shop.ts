import { gid, type AdminContext } from "../context";

// QueryRoot.shop — only the fields the admin shell reads; anything else fails loudly.
export function shop(_args: unknown, { shop: s }: AdminContext) {
  return {
    __typename: "Shop",
    id: gid("Shop", s.id),
    name: s.name,
    email: s.email,
    contactEmail: s.email,
    myshopifyDomain: s.domain,
    currencyCode: s.currencyCode,
    enabledPresentmentCurrencies: [s.currencyCode],
    ianaTimezone: s.ianaTimezone,
    url: `https://${s.primaryDomain.host}`,
    primaryDomain: {
      __typename: "Domain",
      id: gid("Domain", s.primaryDomain.id),
      host: s.primaryDomain.host,
      url: `https://${s.primaryDomain.host}`,
      sslEnabled: true,
    },
    plan: { __typename: "ShopPlan", ...s.plan, displayName: s.plan.publicDisplayName },
  };
}
