import type { ShopRecord } from "../state";
import { taxRule } from "../catalog/tax";

// Shop settings a fresh store has (2026-04/store-properties/store-properties-baseline.json, a
// partner development store): prices exclude tax and shipping is untaxed unless the store's country
// prices tax-inclusively, metric units outside the imperial countries, Shopify's per-store resource
// limits, no digital wallets and no published policies. The shop's country is its primary market's.
// Shop.shopAddress answers the store address a shop was set up with (ShopRecord.address), field by
// field: a field it does not hold fails loudly, and a shop without one leaves the field unimplemented.

const IMPERIAL = new Set(["US", "LR", "MM"]);

export function storePropertyFields(s: ShopRecord) {
  const country = (s.markets.find((m) => m.primary) ?? s.markets[0])?.countryCodes[0];
  const imperial = country !== undefined && IMPERIAL.has(country);
  return {
    taxesIncluded: country !== undefined && taxRule(country).included,
    taxShipping: false,
    unitSystem: imperial ? "IMPERIAL_SYSTEM" : "METRIC_SYSTEM",
    weightUnit: imperial ? "POUNDS" : "KILOGRAMS",
    resourceLimits: { __typename: "ShopResourceLimits", locationLimit: 1000, maxProductOptions: 3, maxProductVariants: 2048, redirectLimitReached: false },
    paymentSettings: { __typename: "PaymentSettings", supportedDigitalWallets: [] },
    shopPolicies: [],
    ...(s.plan.partnerDevelopment ? { features: developmentStoreFeatures() } : {}),
    // The address is named after its shop (store-properties-baseline.json: ShopAddress/<shop id>).
    ...(s.address ? { shopAddress: { __typename: "ShopAddress", id: `gid://shopify/ShopAddress/${s.id}`, ...s.address } } : {}),
  };
}

// ShopFeatures of a partner development store as answered in the baseline capture; other plans'
// feature flags were not captured and fail loudly.
function developmentStoreFeatures() {
  return {
    __typename: "ShopFeatures",
    avalaraAvatax: false,
    branding: "SHOPIFY",
    bundles: { __typename: "BundlesFeature", eligibleForBundles: true, ineligibilityReason: null, sellsBundles: false },
    captcha: true,
    cartTransform: { __typename: "CartTransformFeature", eligibleOperations: { __typename: "CartTransformEligibleOperations", expandOperation: true, mergeOperation: true, updateOperation: true } },
    dynamicRemarketing: false,
    eligibleForSubscriptionMigration: false,
    eligibleForSubscriptions: false,
    giftCards: true,
    harmonizedSystemCode: true,
    legacySubscriptionGatewayEnabled: false,
    liveView: true,
    paypalExpressSubscriptionGatewayStatus: "DISABLED",
    reports: true,
    sellsSubscriptions: false,
    showMetrics: true,
    storefront: true,
    unifiedMarkets: true,
  };
}
