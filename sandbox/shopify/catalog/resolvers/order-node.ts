import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { keysetConnection } from "../keyset";
import { moneyBag, moneyString } from "../money";
import { catalogOf, legacyIdOf } from "../store";
import type { AddressRecord, OrderLineRecord, OrderRecord } from "../types";
import { customerNode } from "./customer-node";
import { productImage } from "./media-node";
import { productNode } from "./product-node";
import { metafieldFields, requireScope } from "./shared";
import { variantNode } from "./variant-node";

// Order with MoneyBags (shop + presentment), line items, refunds and the customer journey the
// attribution loop reads. Landing data: Order.customerJourneySummary (landingPageUrl/referrerUrl
// are deprecated in 2026-07 but still served).

export function orderNode(o: OrderRecord, ctx: AdminContext) {
  const shopCur = o.currencyCode;
  const presCur = o.presentmentCurrencyCode;
  const bag = (shop: number | string, pres: number | string) => moneyBag(shop, shopCur, pres, presCur);
  const zero = bag(0, 0);
  const P = o.presentment;
  const paid = o.financialStatus !== "PENDING" && o.financialStatus !== "AUTHORIZED";
  // Successful authorizations not yet captured (orderCreate(transactions:), orderCreate-state-derived-payment-and-count.json):
  // capturable, and neither received nor outstanding.
  const authorized = o.financialStatus === "AUTHORIZED" ? (o.transactions ?? []).reduce((s, t) => s + Number(t.amount), 0) : 0;
  const received = paid ? bag(o.total, P.total) : zero;
  const current = bag(Number(o.total) - Number(o.totalRefunded), Number(P.total) - Number(P.totalRefunded));
  const quantity = o.lines.reduce((s, l) => s + l.quantity, 0);
  const landingUrl = o.landingSite ? absoluteLanding(ctx, o.landingSite) : null;
  const node = {
    __typename: "Order",
    id: o.gid,
    legacyResourceId: String(o.legacyId),
    name: o.name,
    number: o.number - 1000,
    email: o.email,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    processedAt: o.processedAt,
    cancelledAt: o.cancelledAt ?? null,
    cancelReason: o.cancelReason ?? null,
    closed: false,
    closedAt: null,
    confirmed: true,
    test: o.test,
    note: o.note ?? null,
    tags: o.tags,
    customAttributes: (o.customAttributes ?? []).map((a) => ({ __typename: "Attribute", ...a })),
    sourceName: o.sourceName,
    customerLocale: o.locale,
    currencyCode: shopCur,
    presentmentCurrencyCode: presCur,
    taxesIncluded: o.taxesIncluded,
    displayFinancialStatus: o.financialStatus,
    displayFulfillmentStatus: o.fulfillmentStatus,
    fullyPaid: paid,
    unpaid: !paid,
    canMarkAsPaid: !paid,
    paymentGatewayNames: o.transactions ? [...new Set(o.transactions.map((t) => t.gateway))] : ["shopify_payments"],
    // Transactions and capturability are only known for orders created with transactions; other orders fail loudly.
    ...(o.transactions ? {
      capturable: authorized > 0 && !o.cancelledAt,
      totalCapturable: moneyString(authorized, shopCur),
      transactions: () => o.transactions!.map((t) => ({
        __typename: "OrderTransaction",
        id: t.gid,
        kind: t.kind,
        status: t.status,
        gateway: t.gateway,
        test: t.test,
        createdAt: t.createdAt,
        processedAt: t.createdAt,
        amountSet: moneyBag(t.amount, shopCur, t.amount, presCur),
        parentTransaction: null,
      })),
    } : {}),
    subtotalLineItemsQuantity: quantity,
    currentSubtotalLineItemsQuantity: quantity,
    subtotalPriceSet: bag(o.subtotal, P.subtotal),
    currentSubtotalPriceSet: bag(o.subtotal, P.subtotal),
    totalTaxSet: bag(o.totalTax, P.totalTax),
    currentTotalTaxSet: bag(o.totalTax, P.totalTax),
    totalShippingPriceSet: bag(o.totalShipping, P.totalShipping),
    currentShippingPriceSet: bag(o.totalShipping, P.totalShipping),
    totalPriceSet: bag(o.total, P.total),
    currentTotalPriceSet: current,
    totalRefundedSet: bag(o.totalRefunded, P.totalRefunded),
    totalRefundedShippingSet: zero,
    totalReceivedSet: received,
    netPaymentSet: paid ? current : zero,
    totalOutstandingSet: paid || o.financialStatus === "AUTHORIZED" ? zero : bag(o.total, P.total),
    totalCapturableSet: o.cancelledAt ? zero : bag(authorized, authorized),
    totalDiscountsSet: o.discount ? bag(o.discount.amount, o.discount.amountPresentment) : zero,
    currentTotalDiscountsSet: o.discount ? bag(o.discount.amount, o.discount.amountPresentment) : zero,
    totalTipReceivedSet: zero,
    discountCodes: o.discount ? [o.discount.code] : [],
    discountCode: o.discount?.code ?? null,
    // Shipping lines are known for orderCreate orders only; checkout orders' fail loudly.
    ...(o.shippingLines ? {
      shippingLines: (args: ConnectionArgs) => keysetConnection({ items: o.shippingLines!.map((l, i) => ({ ...l, i })), value: (l) => l.i, id: (l) => l.i }, args, (l) => ({
        __typename: "ShippingLine",
        title: l.title,
        code: l.code,
        source: l.source,
        originalPriceSet: bag(l.price, l.pricePresentment),
        taxLines: l.taxLines.map((t) => ({ __typename: "TaxLine", title: t.title, rate: t.rate, priceSet: bag(t.price, t.pricePresentment) })),
      })),
    } : {}),
    shippingAddress: o.shippingAddress && mailingAddress(o.shippingAddress, `gid://shopify/MailingAddress/${o.legacyId}?model_name=Address`),
    billingAddress: o.shippingAddress && mailingAddress(o.shippingAddress, `gid://shopify/MailingAddress/${o.legacyId + 1}?model_name=Address`),
    displayAddress: o.shippingAddress && mailingAddress(o.shippingAddress, `gid://shopify/MailingAddress/${o.legacyId}?model_name=Address`),
    landingPageUrl: landingUrl,
    landingPageDisplayText: o.landingSite,
    referrerUrl: o.referringSite,
    referrerDisplayText: o.referringSite ? new URL(o.referringSite).hostname : null,
    customerJourneySummary: () => journey(o, ctx, landingUrl),
    customer: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      requireScope(ctx, info, "read_customers");
      const c = o.customerGid ? catalogOf(ctx.state, ctx.shop.domain).customers.get(o.customerGid) : undefined;
      return c ? customerNode(c, ctx) : null;
    },
    lineItems: (args: ConnectionArgs) => keysetConnection({ items: o.lines, value: (l) => legacyIdOf(l.gid), id: (l) => legacyIdOf(l.gid) }, args, (l) => lineItemNode(l, o, ctx)),
    refunds: ({ first }: { first?: number | null }) =>
      o.refunds.slice(0, first ?? undefined).map((r) => ({
        __typename: "Refund",
        id: r.gid,
        legacyResourceId: String(legacyIdOf(r.gid)),
        createdAt: r.createdAt,
        processedAt: r.createdAt,
        updatedAt: r.createdAt,
        note: r.note,
        totalRefundedSet: bag(r.amount, r.amountPresentment),
        order: () => orderNode(o, ctx),
      })),
    ...metafieldFields(o.gid),
  };
  // orderCancel voids an authorization; the twin does not model the voided payment state, so those fields fail loudly.
  if (o.cancelledAt && o.financialStatus === "AUTHORIZED") {
    for (const k of ["displayFinancialStatus", "capturable", "totalCapturable", "transactions", "paymentGatewayNames", "fullyPaid", "unpaid", "canMarkAsPaid", "totalOutstandingSet"]) delete (node as Record<string, unknown>)[k];
  }
  // Checkout orders bill to their shipping address; orderCreate keeps the billingAddress it was given
  // (with a shippingAddress alone the billing address was not captured: fails loudly).
  if (o.billingAddress !== undefined) node.billingAddress = o.billingAddress && mailingAddress(o.billingAddress, `gid://shopify/MailingAddress/${o.legacyId + 1}?model_name=Address`);
  else if (o.shippingAddress?.provinceCodeOnly) delete (node as Record<string, unknown>).billingAddress;
  return node;
}

function lineItemNode(l: OrderLineRecord, o: OrderRecord, ctx: AdminContext) {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const product = l.productGid ? catalog.products.get(l.productGid) : undefined;
  const variant = product?.variants.find((v) => v.gid === l.variantGid);
  const bag = (shop: number, pres: number) => moneyBag(shop, o.currencyCode, pres, o.presentmentCurrencyCode);
  const unit = bag(Number(l.unitPrice), Number(l.unitPricePresentment));
  const total = bag(Number(l.unitPrice) * l.quantity, Number(l.unitPricePresentment) * l.quantity);
  const media = product?.media.find((m) => m.gid === variant?.imageGid) ?? product?.media[0];
  const node: Record<string, unknown> = {
    __typename: "LineItem",
    id: l.gid,
    title: l.title,
    name: l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title,
    variantTitle: l.variantTitle,
    sku: l.sku,
    vendor: l.vendor,
    quantity: l.quantity,
    currentQuantity: l.quantity,
    refundableQuantity: l.quantity,
    unfulfilledQuantity: o.fulfillmentStatus === "FULFILLED" ? 0 : l.quantity,
    nonFulfillableQuantity: 0,
    taxable: l.taxable ?? variant?.taxable ?? true,
    requiresShipping: l.requiresShipping ?? true,
    isGiftCard: false,
    customAttributes: (l.customAttributes ?? []).map((a) => ({ __typename: "Attribute", ...a })),
    ...(l.taxLines ? {
      taxLines: l.taxLines.map((t) => ({ __typename: "TaxLine", title: t.title, rate: t.rate, priceSet: bag(Number(t.price), Number(t.pricePresentment)) })),
    } : {}),
    discountAllocations: [],
    originalUnitPriceSet: unit,
    discountedUnitPriceSet: unit,
    discountedUnitPriceAfterAllDiscountsSet: unit,
    originalTotalSet: total,
    discountedTotalSet: total,
    totalDiscountSet: bag(0, 0),
    image: media ? productImage(media) : null,
    product: product ? () => productNode(product, ctx) : null,
    variant: product && variant ? () => variantNode(variant, product, ctx) : null,
  };
  // How a discount code is allocated across lines is not modelled: those fields fail loudly then.
  if (o.discount) for (const k of ["discountAllocations", "discountedUnitPriceSet", "discountedUnitPriceAfterAllDiscountsSet", "discountedTotalSet", "totalDiscountSet"]) delete node[k];
  return node;
}

export function mailingAddress(a: AddressRecord, id: string) {
  return {
    __typename: "MailingAddress",
    id,
    firstName: a.firstName,
    lastName: a.lastName,
    name: `${a.firstName} ${a.lastName}`.trim(),
    address1: a.address1,
    address2: null,
    city: a.city,
    ...(a.provinceCodeOnly ? {} : { province: a.province }), // name unknown for orderCreate addresses: fails loudly
    provinceCode: a.province,
    zip: a.zip,
    country: a.country,
    countryCodeV2: a.countryCode,
    company: null,
    phone: a.phone,
  };
}

// ---- customer journey (first = last visit: the twin records the landing visit only)

const SOURCES: Record<string, { source: string; tactic: string | null }> = {
  google: { source: "Google", tactic: "AD" },
  facebook: { source: "Facebook", tactic: "AD" },
  meta: { source: "Facebook", tactic: "AD" },
  instagram: { source: "Instagram", tactic: "POST" },
  tiktok: { source: "TikTok", tactic: "AD" },
  newsletter: { source: "Email", tactic: "NEWSLETTER" },
  email: { source: "Email", tactic: "NEWSLETTER" },
};

function absoluteLanding(ctx: AdminContext, landingSite: string): string {
  return new URL(landingSite, `https://${ctx.shop.primaryDomain.host}`).toString();
}

function journey(o: OrderRecord, ctx: AdminContext, landingUrl: string | null) {
  const params = landingUrl ? new URL(landingUrl).searchParams : new URLSearchParams();
  const utmSource = params.get("utm_source");
  const utm = utmSource || params.get("utm_medium") || params.get("utm_campaign")
    ? { __typename: "UTMParameters", source: utmSource, medium: params.get("utm_medium"), campaign: params.get("utm_campaign"), content: params.get("utm_content"), term: params.get("utm_term") }
    : null;
  const known = utmSource ? SOURCES[utmSource.toLowerCase()] : undefined;
  const referrerHost = o.referringSite ? new URL(o.referringSite).hostname.replace(/^www\./, "") : null;
  const source = known?.source ?? utmSource ?? (referrerHost ? referrerHost : "direct");
  // The landing visit happened shortly before checkout (deterministic per order).
  const occurredAt = new Date(Date.parse(o.createdAt) - ((o.legacyId % 47) + 3) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const visit = {
    __typename: "CustomerVisit",
    id: `gid://shopify/CustomerVisit/${o.legacyId}`,
    landingPage: landingUrl,
    landingPageHtml: landingUrl ? `<a href="${landingUrl}">${new URL(landingUrl).pathname}</a>` : null,
    referrerUrl: o.referringSite,
    referralCode: null,
    referralInfoHtml: o.referringSite ? `<a href="${o.referringSite}">${referrerHost}</a>` : "direct",
    source,
    sourceType: known?.tactic ?? null,
    sourceDescription: utm ? `${source} ${utm.medium ?? ""}`.trim() : null,
    utmParameters: utm,
    occurredAt,
    marketingEvent: null,
  };
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const previous = o.customerGid ? [...catalog.orders.values()].filter((x) => x.customerGid === o.customerGid && x.createdAt < o.createdAt).length : 0;
  return {
    __typename: "CustomerJourneySummary",
    ready: true,
    customerOrderIndex: previous,
    daysToConversion: 0,
    firstVisit: visit,
    lastVisit: visit,
    momentsCount: { __typename: "Count", count: 1, precision: "EXACT" },
    moments: (args: ConnectionArgs) => keysetConnection({ items: [visit], value: () => o.legacyId, id: () => o.legacyId }, args, (v) => v),
  };
}

