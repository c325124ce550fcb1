import { pixelPageData, consentRequired, type PageEvent } from "../pixels/serve";
import type { WebPixelExtension } from "../pixels/registry";
import { cartPayload } from "../pixels/payloads";
import { renderAppContent } from "./blocks";
import type { Cart } from "./cart";
import { presentmentCents, type StorefrontContext } from "./context";
import type { ThemeExtension } from "./extensions";
import { LiquidBlockError } from "./liquid";
import { appObject, localizationObject, MetaobjectsDrop, requestObject, routesObject, shopObject } from "./objects";
import type { Placements } from "./placements";
import { esc, layout } from "./theme";

// One storefront page: the theme's main content around the app section, app embeds, the pixel
// manager's data. A Liquid error in an app block replaces the page with an error naming it.

export interface PageSources {
  themeExtensions: () => ThemeExtension[];
  pixels: () => WebPixelExtension[];
  placements: () => Placements;
}

export interface PageInput {
  title: string;
  cart: Cart | undefined;
  cookies: Record<string, string>;
  objects?: { product?: unknown; collection?: unknown };
  events?: PageEvent[];
  main: (appSection: string) => string;
}

export interface RenderedPage { status: number; html: string }

export function liquidGlobals(ctx: StorefrontContext, cart: Cart | undefined, objects: PageInput["objects"] = {}, title = "") {
  const items = cart?.lines ?? [];
  return {
    shop: shopObject(ctx),
    app: appObject(ctx),
    metaobjects: new MetaobjectsDrop(ctx),
    request: requestObject(ctx),
    routes: routesObject(ctx),
    localization: localizationObject(ctx),
    template: { name: ctx.template, suffix: null, directory: null },
    customer: null,
    cart: { item_count: items.reduce((s, l) => s + l.quantity, 0), items: [], note: null, attributes: cart?.attributes ?? {}, currency: { iso_code: ctx.currency }, total_price: 0 },
    product: objects.product ?? null,
    collection: objects.collection ?? null,
    canonical_url: `${ctx.origin}${ctx.url.pathname}`,
    page_title: title,
    page_description: null,
  };
}

export async function renderPage(ctx: StorefrontContext, sources: PageSources, input: PageInput): Promise<RenderedPage> {
  let app;
  try {
    const globals = liquidGlobals(ctx, input.cart, input.objects, input.title);
    app = await renderAppContent(ctx, sources.themeExtensions(), sources.placements(), globals);
  } catch (error) {
    if (error instanceof LiquidBlockError) return { status: 500, html: liquidErrorPage(error) };
    throw error;
  }
  const cart = cartPayload(ctx, input.cart);
  const wpmData = pixelPageData(ctx, sources.pixels(), { cart }, input.events ?? []);
  const cartCount = (input.cart?.lines ?? []).reduce((s, l) => s + l.quantity, 0);
  const html = layout(ctx, {
    title: input.title,
    main: input.main(app.section),
    app,
    wpmData,
    cartCount,
    showConsentBanner: consentRequired(ctx) && !input.cookies._tracking_consent,
  });
  return { status: ctx.template === "404" ? 404 : 200, html };
}

/** Shopify shows Liquid errors in place; the sandbox fails the whole page so no test can miss one. */
export function liquidErrorPage(error: LiquidBlockError): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Liquid error</title><link rel="stylesheet" href="/theme.css"></head>
<body><main><h1>Liquid error</h1><p>File: <code>${esc(error.where)}</code></p><pre class="liquid-error">${esc(error.message)}</pre></main></body></html>`;
}

export const cartTotalCents = (ctx: StorefrontContext, cart: Cart | undefined, priceOf: (variantGid: string) => string | undefined) =>
  (cart?.lines ?? []).reduce((s, l) => s + presentmentCents(ctx, priceOf(l.variantGid) ?? "0") * l.quantity, 0);
