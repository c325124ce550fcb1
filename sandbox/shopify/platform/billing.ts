import { createHmac } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { domainState, type ShopifyState } from "../state";
import { apiClientId, isoSeconds, sandboxOrigin } from "./app-identity";
import { appListing } from "./app-listing";

// Billing for the twin's (public, test-mode) app: appSubscriptionCreate returns a confirmationUrl
// on the sandbox origin; the subscription stays PENDING until the merchant opens that URL
// (GET approves it → ACTIVE, and Shopify redirects to returnUrl with charge_id). No successful
// billing call was captured (the capture app was custom: "Custom apps cannot use the Billing API"),
// so the shapes follow the 2026-07 schema and Shopify's documented flow.

export interface SubscriptionRecord {
  id: number;
  shop: string;
  apiKey: string;
  name: string;
  status: "PENDING" | "ACTIVE" | "DECLINED" | "CANCELLED" | "EXPIRED";
  test: boolean;
  trialDays: number;
  returnUrl: string;
  lineItems: { id: number; price: { amount: string; currencyCode: string }; interval: string }[];
  createdAt: string;
  currentPeriodEnd: string | null;
}

const subscriptions = (state: ShopifyState) => domainState(state, "billing", () => new Map<number, SubscriptionRecord>());

interface LineItemInput { plan: { appRecurringPricingDetails?: { price: { amount: string | number; currencyCode: string }; interval?: string; discount?: unknown } | null; appUsagePricingDetails?: unknown } }
interface CreateArgs { name: string; lineItems: LineItemInput[]; test?: boolean | null; trialDays?: number | null; returnUrl: string; replacementBehavior?: string }

/** Decimal form Shopify uses for billing MoneyV2 ("1.00" → "1.0", "1.50" → "1.5"; quirks §8). */
const decimal = (v: string | number) => {
  const n = Number(v);
  return Number.isInteger(n) ? `${n}.0` : String(n);
};

export function appSubscriptionCreate(args: CreateArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  // A custom app is refused before its input is looked at (current-app-installation-observed-identity-local-app-mutation.json).
  if (appListing(ctx.state).distribution === "custom") {
    return { appSubscription: null, confirmationUrl: null, userErrors: [{ field: null, message: "Custom apps cannot use the Billing API" }] };
  }
  if (args.lineItems.some((li) => li.plan.appUsagePricingDetails || li.plan.appRecurringPricingDetails?.discount)) {
    throw notImplemented(info, "usage pricing and discounts in appSubscriptionCreate");
  }
  if (!args.name.trim()) return { appSubscription: null, confirmationUrl: null, userErrors: [{ field: ["name"], message: "Name can't be blank" }] };
  const record: SubscriptionRecord = {
    id: ctx.state.nextId(),
    shop: ctx.shop.domain,
    apiKey: ctx.token.apiKey,
    name: args.name,
    status: "PENDING",
    test: args.test ?? false,
    trialDays: args.trialDays ?? 0,
    returnUrl: args.returnUrl,
    lineItems: args.lineItems.map((li) => ({
      id: ctx.state.nextId(),
      price: { amount: decimal(li.plan.appRecurringPricingDetails!.price.amount), currencyCode: li.plan.appRecurringPricingDetails!.price.currencyCode },
      interval: li.plan.appRecurringPricingDetails!.interval ?? "EVERY_30_DAYS",
    })),
    createdAt: isoSeconds(),
    currentPeriodEnd: null,
  };
  subscriptions(ctx.state).set(record.id, record);
  return { appSubscription: subscriptionNode(record), confirmationUrl: confirmationUrl(ctx.state, record), userErrors: [] };
}

export function appSubscriptionCancel(args: { id: string }, ctx: AdminContext) {
  const record = findOwn(ctx, args.id);
  if (!record) return { appSubscription: null, userErrors: [{ field: ["id"], message: "Couldn't find RecurringApplicationCharge" }] };
  record.status = "CANCELLED";
  return { appSubscription: subscriptionNode(record), userErrors: [] };
}

export function activeSubscriptions(ctx: AdminContext) {
  return [...subscriptions(ctx.state).values()]
    .filter((s) => s.shop === ctx.shop.domain && s.apiKey === ctx.token.apiKey && s.status === "ACTIVE")
    .map(subscriptionNode);
}

export function allSubscriptions(ctx: AdminContext) {
  return [...subscriptions(ctx.state).values()].filter((s) => s.shop === ctx.shop.domain && s.apiKey === ctx.token.apiKey).map(subscriptionNode);
}

function findOwn(ctx: AdminContext, id: string) {
  const n = Number(/^gid:\/\/shopify\/AppSubscription\/(\d+)$/.exec(id)?.[1]);
  const record = subscriptions(ctx.state).get(n);
  return record && record.shop === ctx.shop.domain && record.apiKey === ctx.token.apiKey ? record : undefined;
}

function subscriptionNode(s: SubscriptionRecord) {
  return {
    __typename: "AppSubscription",
    id: gid("AppSubscription", s.id),
    name: s.name,
    status: s.status,
    test: s.test,
    trialDays: s.trialDays,
    returnUrl: s.returnUrl,
    createdAt: s.createdAt,
    currentPeriodEnd: s.currentPeriodEnd,
    lineItems: s.lineItems.map((li) => ({
      __typename: "AppSubscriptionLineItem",
      id: gid("AppSubscriptionLineItem", `${li.id}?v=1&index=0`),
      plan: {
        __typename: "AppPlanV2",
        pricingDetails: { __typename: "AppRecurringPricing", price: { __typename: "MoneyV2", ...li.price }, interval: li.interval, planHandle: null, discount: null },
      },
    })),
  };
}

// Shopify: https://<shop>/admin/charges/<app id>/<charge id>/RecurringApplicationCharge/confirm_recurring_application_charge?signature=…
function confirmationUrl(state: ShopifyState, s: SubscriptionRecord): string {
  const url = new URL(`/admin/charges/${apiClientId(s.apiKey)}/${s.id}/RecurringApplicationCharge/confirm_recurring_application_charge`, sandboxOrigin(state));
  url.searchParams.set("shop", s.shop);
  url.searchParams.set("signature", sign(s));
  return url.toString();
}

const sign = (s: SubscriptionRecord) => createHmac("sha256", "tessera-sandbox-billing").update(`${s.shop}:${s.id}`).digest("hex").slice(0, 32);

/** GET on the confirmation URL: the merchant approves; Shopify redirects to returnUrl?charge_id=<id>. */
export function confirmCharge(state: ShopifyState, chargeId: number, signature: string | null): { status: number; body?: unknown; headers?: Record<string, string> } {
  const record = subscriptions(state).get(chargeId);
  if (!record || signature !== sign(record)) return { status: 404, body: { errors: "Not Found" } };
  if (record.status === "PENDING") {
    // Approving a new subscription replaces the app's other active one (replacementBehavior STANDARD).
    for (const other of subscriptions(state).values()) {
      if (other !== record && other.shop === record.shop && other.apiKey === record.apiKey && other.status === "ACTIVE") other.status = "CANCELLED";
    }
    record.status = "ACTIVE";
    const end = new Date(Date.now() + (record.trialDays + 30) * 86_400_000);
    record.currentPeriodEnd = isoSeconds(end);
  }
  const back = new URL(record.returnUrl);
  back.searchParams.set("charge_id", String(record.id));
  return { status: 302, headers: { location: back.toString() } };
}
