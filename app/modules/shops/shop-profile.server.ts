import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { z } from "zod";
import { describeAdminFailure } from "./admin-errors.server";

// The store as Settings shows it. Validated against admin-2026-07.schema.graphql.
export const SETTINGS_SHOP_QUERY = `#graphql
  query SettingsShop {
    shop {
      id
      name
      email
      myshopifyDomain
      currencyCode
      ianaTimezone
      primaryDomain { url host }
      plan { publicDisplayName partnerDevelopment shopifyPlus }
    }
    shopLocales { locale name primary published }
    currentAppInstallation { id accessScopes { handle } }
  }`;

const SettingsShopResponse = z.object({
  data: z.object({
    shop: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      myshopifyDomain: z.string(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
      primaryDomain: z.object({ url: z.string(), host: z.string() }),
      plan: z.object({
        publicDisplayName: z.string(),
        partnerDevelopment: z.boolean(),
        shopifyPlus: z.boolean(),
      }),
    }),
    shopLocales: z.array(
      z.object({ locale: z.string(), name: z.string(), primary: z.boolean(), published: z.boolean() }),
    ),
    currentAppInstallation: z.object({
      id: z.string(),
      accessScopes: z.array(z.object({ handle: z.string() })),
    }),
  }),
});

type SettingsShopData = z.infer<typeof SettingsShopResponse>["data"];

export type ShopLanguage = SettingsShopData["shopLocales"][number];

export type ShopProfile = {
  name: string;
  email: string;
  myshopifyDomain: string;
  primaryDomain: { url: string; host: string };
  currencyCode: string;
  ianaTimezone: string;
  plan: { name: string; developmentStore: boolean; shopifyPlus: boolean };
  /** Primary first, then published, then by name. */
  languages: ShopLanguage[];
  grantedScopes: string[];
};

export type ShopProfileResult = { ok: true; profile: ShopProfile } | { ok: false; message: string };

export async function loadShopProfile(admin: AdminApiContext, shop: string): Promise<ShopProfileResult> {
  let body: unknown;
  try {
    const response = await admin.graphql(SETTINGS_SHOP_QUERY);
    body = await response.json();
  } catch (error) {
    return { ok: false, message: describeAdminFailure(error, { shop, operation: "SettingsShop" }) };
  }
  const parsed = SettingsShopResponse.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      message: describeAdminFailure(new Error("Unexpected SettingsShop response shape"), { shop, operation: "SettingsShop" }),
    };
  }
  return { ok: true, profile: toShopProfile(parsed.data.data) };
}

export function toShopProfile(data: SettingsShopData): ShopProfile {
  const { shop } = data;
  return {
    name: shop.name,
    email: shop.email,
    myshopifyDomain: shop.myshopifyDomain,
    primaryDomain: shop.primaryDomain,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    plan: {
      name: shop.plan.publicDisplayName,
      developmentStore: shop.plan.partnerDevelopment,
      shopifyPlus: shop.plan.shopifyPlus,
    },
    languages: [...data.shopLocales].sort(
      (a, b) =>
        Number(b.primary) - Number(a.primary) ||
        Number(b.published) - Number(a.published) ||
        a.name.localeCompare(b.name),
    ),
    grantedScopes: data.currentAppInstallation.accessScopes.map((s) => s.handle).sort(),
  };
}
