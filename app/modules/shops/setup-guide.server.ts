import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { z } from "zod";
import { describeAdminFailure } from "./admin-errors.server";

export type SetupStepId = "languages" | "channel" | "gallery" | "pixel";
export type SetupStep = { id: SetupStepId; done: boolean; path: string };
export type SetupGuide = { steps: SetupStep[]; languagesChecked: boolean };

export const SETUP_GUIDE_LOCALES_QUERY = `#graphql
  query SetupGuideLocales {
    shopLocales { locale primary published }
  }`;

const SetupGuideLocalesResponse = z.object({
  data: z.object({
    shopLocales: z.array(z.object({ locale: z.string(), primary: z.boolean(), published: z.boolean() })),
  }),
});

/**
 * What a new shop should do first. Languages are read from Shopify; channel, gallery and pixel
 * stay open until their modules exist and can report their own state.
 */
export async function loadSetupGuide(admin: AdminApiContext, shop: string): Promise<SetupGuide> {
  const languages = await hasSecondaryLanguage(admin, shop);
  return {
    languagesChecked: languages !== undefined,
    steps: [
      { id: "languages", done: languages === true, path: "/app/settings" },
      { id: "channel", done: false, path: "/app/ads" },
      { id: "gallery", done: false, path: "/app/ugc" },
      { id: "pixel", done: false, path: "/app/attribution" },
    ],
  };
}

/** true when a non-primary language is published; undefined when Shopify could not be asked. */
async function hasSecondaryLanguage(admin: AdminApiContext, shop: string): Promise<boolean | undefined> {
  try {
    const response = await admin.graphql(SETUP_GUIDE_LOCALES_QUERY);
    const parsed = SetupGuideLocalesResponse.safeParse(await response.json());
    if (!parsed.success) return undefined;
    return parsed.data.data.shopLocales.some((l) => l.published && !l.primary);
  } catch (error) {
    describeAdminFailure(error, { shop, operation: "SetupGuideLocales" });
    return undefined;
  }
}
