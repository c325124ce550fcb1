import type { SandboxAppConfig } from "../config";
import { convertFromShop } from "../shopify/catalog/money";
import type { ShopRecord, ShopifyState } from "../shopify/state";
import type { StorefrontLocale } from "./locale";
import { toCents } from "./money";

// Everything one storefront request renders with: the shop, its locale/market folder, the
// presentment currency of that market, and where the storefront is served.
export interface StorefrontContext {
  state: ShopifyState;
  shop: ShopRecord;
  app: SandboxAppConfig;
  loc: StorefrontLocale;
  currency: string; // presentment currency of the market
  origin: string; // storefront origin, e.g. http://127.0.0.1:4501
  url: URL; // the full request URL
  template: "index" | "product" | "collection" | "cart" | "search" | "checkout" | "thank_you" | "app_proxy" | "404";
}

/** A shop-currency decimal ("29.00") as Liquid sees it in the visitor's market: presentment cents. */
export function presentmentCents(ctx: StorefrontContext, decimal: string | number): number {
  const amount = ctx.currency === ctx.shop.currencyCode ? Number(decimal) : convertFromShop(Number(decimal), ctx.shop.currencyCode, ctx.currency);
  return toCents(amount);
}

/** The same price as the MoneyV2 amount pixel events carry (a number in presentment currency). */
export function presentmentAmount(ctx: StorefrontContext, decimal: string | number): number {
  return presentmentCents(ctx, decimal) / 100;
}

/** A storefront path inside the visitor's locale folder: "/products/x" → "/de-de/products/x". */
export function localePath(ctx: StorefrontContext, path: string): string {
  return ctx.loc.root === "/" ? path : `${ctx.loc.root.slice(0, -1)}${path === "/" ? "" : path}`;
}

export const legacyId = (gid: string): number => Number(gid.slice(gid.lastIndexOf("/") + 1));
