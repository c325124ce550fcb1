import { catalogOf, productByHandle } from "../shopify/catalog/store";
import { createOrder } from "../shopify/catalog/orders/create-order";
import type { ProductRecord } from "../shopify/catalog/types";
import { cartLinePayload, cartPayload, checkoutPayload, collectionPayload, findVariant, productVariantPayload } from "../pixels/payloads";
import type { Cart, StorefrontCarts } from "./cart";
import { legacyId, localePath, presentmentCents, type StorefrontContext } from "./context";
import { localized } from "./locale";
import { formatMoney, moneyFormatsFor } from "./money";
import { collectionObject, isOnline, productObject } from "./objects";
import { renderPage, type PageSources, type RenderedPage } from "./render-page";
import { esc, moneyHtml, productCard, productMain, ui } from "./theme";

// The storefront's pages. Each returns HTML or a redirect; the router owns cookies and HTTP.

export type PageResult = RenderedPage | { status: 303; location: string } | { status: number; json: unknown };

export interface PageDeps { sources: PageSources; carts: StorefrontCarts }

export interface PageRequest { ctx: StorefrontContext; cart: Cart | undefined; cookies: Record<string, string> }

const title = (ctx: StorefrontContext, p: ProductRecord) => localized(ctx.state, ctx.shop, ctx.loc, p.gid, "title", p.title);
const onlineProducts = (ctx: StorefrontContext) => [...catalogOf(ctx.state, ctx.shop.domain).products.values()].filter(isOnline);

export function homePage(deps: PageDeps, { ctx, cart, cookies }: PageRequest) {
  const products = onlineProducts(ctx).slice(0, 8);
  return renderPage(ctx, deps.sources, {
    title: ctx.shop.name, cart, cookies,
    main: (section) => `<h1>${esc(ctx.shop.name)}</h1><ul class="grid">${products.map((p) => productCard(ctx, p, title(ctx, p))).join("")}</ul><section class="app-section" id="shopify-section-apps-index">${section}</section>`,
  });
}

export function productPage(deps: PageDeps, { ctx, cart, cookies }: PageRequest, handle: string): Promise<PageResult> | undefined {
  const product = productByHandle(catalogOf(ctx.state, ctx.shop.domain), handle);
  if (!product || !isOnline(product)) return undefined;
  const variantParam = Number(ctx.url.searchParams.get("variant"));
  const selected = product.variants.find((v) => legacyId(v.gid) === variantParam) ?? product.variants.find((v) => v.inventoryQuantity > 0 || v.inventoryPolicy === "CONTINUE") ?? product.variants[0]!;
  const name = title(ctx, product);
  const description = localized(ctx.state, ctx.shop, ctx.loc, product.gid, "body_html", product.descriptionHtml);
  return renderPage(ctx, deps.sources, {
    title: name, cart, cookies,
    objects: { product: productObject(ctx, product, variantParam || undefined) },
    events: [{ name: "product_viewed", data: { productVariant: productVariantPayload(ctx, product, selected) } }],
    main: (section) => productMain(ctx, product, name, description, selected, section),
  });
}

export function collectionPage(deps: PageDeps, { ctx, cart, cookies }: PageRequest, handle: string): Promise<PageResult> | undefined {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const collection = [...catalog.collections.values()].find((c) => c.handle === handle) ??
    (handle === "all" ? { gid: "gid://shopify/Collection/0", legacyId: 0, handle: "all", title: ui(ctx, "all"), descriptionHtml: "", productGids: onlineProducts(ctx).map((p) => p.gid) } : undefined);
  if (!collection) return undefined;
  const object = collectionObject(ctx, collection);
  const products = collection.productGids.map((g) => catalog.products.get(g)).filter((p): p is ProductRecord => !!p && isOnline(p));
  return renderPage(ctx, deps.sources, {
    title: object.title, cart, cookies,
    objects: { collection: object },
    events: [{ name: "collection_viewed", data: { collection: collectionPayload(ctx, collection) } }],
    main: (section) => `<h1>${esc(object.title)}</h1><div class="description">${object.description}</div><ul class="grid">${products.map((p) => productCard(ctx, p, title(ctx, p))).join("")}</ul><section class="app-section" id="shopify-section-apps-collection">${section}</section>`,
  });
}

export function searchPage(deps: PageDeps, { ctx, cart, cookies }: PageRequest) {
  const q = (ctx.url.searchParams.get("q") ?? "").trim();
  const hits = q ? onlineProducts(ctx).filter((p) => `${title(ctx, p)} ${p.vendor} ${p.productType} ${p.tags.join(" ")}`.toLowerCase().includes(q.toLowerCase())) : [];
  return renderPage(ctx, deps.sources, {
    title: ui(ctx, "search"), cart, cookies,
    events: q ? [{ name: "search_submitted", data: { searchResult: { productVariants: hits.flatMap((p) => (p.variants[0] ? [productVariantPayload(ctx, p, p.variants[0])] : [])), query: q } } }] : [],
    main: (section) => `<h1>${esc(ui(ctx, "search"))}</h1><form action="${esc(localePath(ctx, "/search"))}" role="search"><label>${esc(ui(ctx, "search"))} <input type="search" name="q" value="${esc(q)}"></label> <button>${esc(ui(ctx, "search"))}</button></form><ul class="grid">${hits.map((p) => productCard(ctx, p, title(ctx, p))).join("")}</ul><section class="app-section">${section}</section>`,
  });
}

export function cartPage(deps: PageDeps, { ctx, cart, cookies }: PageRequest) {
  const lines = cart?.lines ?? [];
  const rows = lines.map((l) => {
    const found = findVariant(ctx, l.variantGid);
    if (!found) return "";
    return `<tr><td><a href="${esc(localePath(ctx, `/products/${found.product.handle}`))}">${esc(title(ctx, found.product))}</a> ${found.variant.title === "Default Title" ? "" : esc(found.variant.title)}</td><td>${l.quantity}</td><td>${moneyHtml(ctx, Number(found.variant.price) * l.quantity)}</td></tr>`;
  }).join("");
  const total = cartPayload(ctx, cart)?.cost.totalAmount.amount ?? 0;
  const format = moneyFormatsFor(ctx.currency).moneyFormat;
  return renderPage(ctx, deps.sources, {
    title: ui(ctx, "cart"), cart, cookies,
    events: [{ name: "cart_viewed", data: { cart: cartPayload(ctx, cart) } }],
    main: (section) => `<h1>${esc(ui(ctx, "cart"))}</h1>${lines.length
      ? `<table><tbody>${rows}</tbody><tfoot><tr><th colspan="2">${esc(ui(ctx, "total"))}</th><td data-cart-total>${esc(formatMoney(Math.round(total * 100), format))}</td></tr></tfoot></table><form method="get" action="${esc(localePath(ctx, "/checkout"))}"><button type="submit" name="checkout">${esc(ui(ctx, "checkout"))}</button></form>`
      : `<p>${esc(ui(ctx, "empty"))}</p>`}<section class="app-section">${section}</section>`,
  });
}

/** POST /cart/add(.js): `id` is the variant's numeric id, as in Shopify's Ajax API. */
export function addToCart(deps: PageDeps, ctx: StorefrontContext, cart: Cart, fields: URLSearchParams, asJson: boolean): PageResult {
  const variantId = Number(fields.get("id"));
  const quantity = Math.max(1, Math.floor(Number(fields.get("quantity") ?? 1)) || 1);
  const found = [...catalogOf(ctx.state, ctx.shop.domain).products.values()].filter(isOnline)
    .flatMap((product) => product.variants.filter((v) => legacyId(v.gid) === variantId).map((variant) => ({ product, variant })))[0];
  if (!found) return asJson ? { status: 404, json: { status: 404, message: "Cart Error", description: "Cannot find variant" } } : { status: 303, location: localePath(ctx, "/cart") };
  deps.carts.add(cart, found.variant.gid, quantity);
  if (!asJson) return { status: 303, location: localePath(ctx, "/cart") };
  const line = cartLinePayload(ctx, { variantGid: found.variant.gid, quantity })!;
  const unit = presentmentCents(ctx, found.variant.price);
  const media = line.merchandise.image?.src ?? null;
  // The Ajax API's line item (subset of /cart/add.js fields), as Shopify returns it.
  return {
    status: 200,
    json: {
      id: legacyId(found.variant.gid), variant_id: legacyId(found.variant.gid), product_id: found.product.legacyId,
      title: found.variant.title === "Default Title" ? line.merchandise.product.title : `${line.merchandise.product.title} - ${line.merchandise.title}`,
      product_title: line.merchandise.product.title, untranslated_product_title: found.product.title,
      variant_title: found.variant.title === "Default Title" ? null : line.merchandise.title, untranslated_variant_title: found.variant.title === "Default Title" ? null : found.variant.title,
      quantity, price: unit, final_price: unit, line_price: unit * quantity, final_line_price: unit * quantity,
      sku: found.variant.sku || null, vendor: found.product.vendor, product_type: found.product.productType,
      url: `${line.merchandise.product.url}?variant=${legacyId(found.variant.gid)}`, handle: found.product.handle, image: media,
      key: `${legacyId(found.variant.gid)}:${cart.token.slice(3, 11)}`,
    },
  };
}

export function startCheckout(deps: PageDeps, ctx: StorefrontContext, cart: Cart | undefined, cookies: Record<string, string>): PageResult {
  if (!cart?.lines.length) return { status: 303, location: localePath(ctx, "/cart") };
  const checkout = deps.carts.startCheckout(cart, { landingSite: cookies._landing_page ?? null, referringSite: cookies._orig_referrer || null });
  return { status: 303, location: localePath(ctx, `/checkouts/cn/${checkout.token}`) };
}

export function checkoutPage(deps: PageDeps, req: PageRequest, token: string, error?: string): Promise<PageResult> | undefined {
  const { ctx, cart, cookies } = req;
  const checkout = deps.carts.checkout(ctx.shop.domain, token);
  if (!checkout) return undefined;
  if (checkout.order) return Promise.resolve({ status: 303, location: localePath(ctx, `/checkouts/cn/${token}/thank-you`) });
  const countries = [...new Set(ctx.shop.markets.filter((m) => m.status === "ACTIVE").flatMap((m) => m.countryCodes))].sort();
  const selected = checkout.countryCode ?? ctx.loc.market.countryCodes[0];
  const total = checkoutPayload(ctx, checkout).subtotalPrice!;
  ctx.template = "checkout";
  return renderPage(ctx, deps.sources, {
    title: ui(ctx, "checkout"), cart, cookies,
    events: error ? [] : [{ name: "checkout_started", data: { checkout: checkoutPayload(ctx, checkout) } }],
    main: () => `<h1>${esc(ui(ctx, "checkout"))}</h1>${error ? `<p role="alert">${esc(error)}</p>` : ""}
<p>${esc(ui(ctx, "total"))}: <strong>${esc(formatMoney(Math.round(total.amount * 100), moneyFormatsFor(ctx.currency).moneyFormat))}</strong></p>
<form method="post" class="checkout-form">
<label>${esc(ui(ctx, "email"))} <input type="email" name="email" required autocomplete="email" value="${esc(checkout.email ?? "")}"></label>
<label>${esc(ui(ctx, "country"))} <select name="countryCode">${countries.map((c) => `<option${c === selected ? " selected" : ""}>${esc(c)}</option>`).join("")}</select></label>
<button type="submit">${esc(ui(ctx, "pay"))}</button>
</form>`,
  });
}

/** Places the order through the catalog (orders/create + orders/paid webhooks follow from its events). */
export function completeCheckout(deps: PageDeps, req: PageRequest, token: string, fields: URLSearchParams): Promise<PageResult> | PageResult | undefined {
  const { ctx } = req;
  const checkout = deps.carts.checkout(ctx.shop.domain, token);
  if (!checkout) return undefined;
  if (checkout.order) return { status: 303, location: localePath(ctx, `/checkouts/cn/${token}/thank-you`) };
  const email = (fields.get("email") ?? "").trim();
  checkout.email = email || null;
  checkout.countryCode = (fields.get("countryCode") ?? "").trim().toUpperCase() || null;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return checkoutPage(deps, req, token, "Enter a valid email");
  const existingOrders = [...catalogOf(ctx.state, ctx.shop.domain).orders.values()].filter((o) => o.email === email.toLowerCase()).length;
  const result = createOrder(ctx.state, ctx.shop.domain, {
    lines: checkout.lines.map((l) => ({ variantId: l.variantGid, quantity: l.quantity })),
    email,
    countryCode: checkout.countryCode ?? undefined,
    locale: ctx.loc.locale,
    landingSite: checkout.landingSite,
    referringSite: checkout.referringSite,
    sourceName: "web",
  });
  if (!result.order) return checkoutPage(deps, req, token, result.userErrors.map((e) => e.message).join("; "));
  checkout.order = result.order;
  checkout.customerIsFirstOrder = existingOrders === 0;
  deps.carts.clearCart(checkout.cartToken);
  return { status: 303, location: localePath(ctx, `/checkouts/cn/${token}/thank-you`) };
}

export function thankYouPage(deps: PageDeps, req: PageRequest, token: string): Promise<PageResult> | undefined {
  const { ctx, cart, cookies } = req;
  const checkout = deps.carts.checkout(ctx.shop.domain, token);
  if (!checkout?.order) return undefined;
  const order = checkout.order;
  const first = !checkout.completedPublished;
  checkout.completedPublished = true;
  ctx.template = "thank_you";
  return renderPage(ctx, deps.sources, {
    title: ui(ctx, "thanks"), cart, cookies,
    events: first ? [{ name: "checkout_completed", data: { checkout: checkoutPayload(ctx, checkout) } }] : [],
    main: () => `<h1>${esc(ui(ctx, "thanks"))}</h1><p>Order <strong data-order-name>${esc(order.name)}</strong> · <span data-order-id>${order.legacyId}</span> · ${esc(formatMoney(Math.round(Number(order.presentment.total) * 100), moneyFormatsFor(order.presentmentCurrencyCode).moneyFormat))}</p>`,
  });
}
