import type { ProductRecord, VariantRecord } from "../shopify/catalog/types";
import type { RenderedAppContent } from "./blocks";
import { legacyId, localePath, presentmentCents, type StorefrontContext } from "./context";
import { imageTag, imageUrl } from "./liquid";
import { storefrontFolders } from "./locale";
import { formatMoney, moneyFormatsFor } from "./money";
import { ImageObject } from "./objects";
import { scriptJson } from "../pixels/serve";

// The theme stand-in: plain semantic HTML and one small stylesheet, no framework. It only frames
// what matters here: the app's blocks and embeds, money in the market's currency, the cart and
// checkout flow, the consent banner and the pixel manager.

export const esc = (v: unknown) => String(v ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const moneyHtml = (ctx: StorefrontContext, decimal: string | number) => esc(formatMoney(presentmentCents(ctx, decimal), moneyFormatsFor(ctx.currency).moneyFormat));

const UI: Record<string, Record<string, string>> = {
  en: { cart: "Cart", add: "Add to cart", added: "Added to your cart.", view: "View cart", checkout: "Check out", empty: "Your cart is empty.", search: "Search", total: "Total", email: "Email", country: "Country", pay: "Pay now", thanks: "Thank you for your order", consent: "We use cookies and similar technologies for analytics and marketing.", accept: "Accept", decline: "Decline", all: "All products", quantity: "Quantity", variant: "Variant", notFound: "Page not found" },
  de: { cart: "Warenkorb", add: "In den Warenkorb", added: "Zum Warenkorb hinzugefügt.", view: "Warenkorb ansehen", checkout: "Zur Kasse", empty: "Dein Warenkorb ist leer.", search: "Suchen", total: "Gesamt", email: "E-Mail", country: "Land", pay: "Jetzt bezahlen", thanks: "Danke für deine Bestellung", consent: "Wir verwenden Cookies und ähnliche Technologien für Analyse und Marketing.", accept: "Akzeptieren", decline: "Ablehnen", all: "Alle Produkte", quantity: "Menge", variant: "Variante", notFound: "Seite nicht gefunden" },
};
export const ui = (ctx: StorefrontContext, key: string) => UI[ctx.loc.locale]?.[key] ?? UI.en![key] ?? key;

export interface LayoutInput {
  title: string;
  main: string;
  app: RenderedAppContent;
  wpmData: unknown;
  cartCount: number;
  showConsentBanner: boolean;
}

export function layout(ctx: StorefrontContext, input: LayoutInput): string {
  const { app } = input;
  const assets = [
    ...[...app.assets.stylesheets].map((href) => `<link rel="stylesheet" href="${esc(href)}" media="all">`),
    ...[...app.assets.scripts].map((src) => `<script src="${esc(src)}" defer></script>`),
  ].join("\n");
  const folders = storefrontFolders(ctx.state, ctx.shop)
    .map((f) => `<li><a href="${esc(f.root)}" hreflang="${esc(f.locale)}"${f.root === ctx.loc.root ? ' aria-current="true"' : ""}>${esc(f.locale)}-${esc(f.market.countryCodes[0] ?? "")}</a></li>`).join("");
  const banner = input.showConsentBanner
    ? `<section id="shopify-pc__banner" class="consent" role="region" aria-label="Cookie consent"><p>${esc(ui(ctx, "consent"))}</p><button type="button" data-consent="accept">${esc(ui(ctx, "accept"))}</button> <button type="button" data-consent="decline">${esc(ui(ctx, "decline"))}</button></section>`
    : "";
  return `<!doctype html>
<html lang="${esc(ctx.loc.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)} – ${esc(ctx.shop.name)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/theme.css">
<script>/* content_for_header: events published before the pixel manager loads are queued, as on Shopify */window.Shopify=window.Shopify||{};Shopify.analytics=Shopify.analytics||{};Shopify.analytics.replayQueue=[];Shopify.analytics.publish=function(n,d,o){Shopify.analytics.replayQueue.push([n,d,o]);return true};</script>
<script type="application/json" id="shopify-wpm-data">${scriptJson(input.wpmData)}</script>
<script src="/wpm/manager.js" defer></script>
${assets}
${app.head}
<script src="/theme.js" defer></script>
</head>
<body class="template-${esc(ctx.template)}">
<header class="site-header">
<a class="site-title" href="${esc(localePath(ctx, "/"))}">${esc(ctx.shop.name)}</a>
<nav aria-label="Main"><ul><li><a href="${esc(localePath(ctx, "/collections/all"))}">${esc(ui(ctx, "all"))}</a></li><li><a href="${esc(localePath(ctx, "/search"))}">${esc(ui(ctx, "search"))}</a></li><li><a href="${esc(localePath(ctx, "/cart"))}" id="cart-link">${esc(ui(ctx, "cart"))} (<span data-cart-count>${input.cartCount}</span>)</a></li></ul></nav>
<nav aria-label="Language and region"><ul class="folders">${folders}</ul></nav>
</header>
<main id="MainContent">
${input.main}
</main>
<footer class="site-footer"><p>${esc(ctx.shop.name)} · Tessera sandbox storefront · ${esc(ctx.currency)}</p></footer>
${banner}
${app.body}
</body>
</html>`;
}

export function productImage(media: ProductRecord["media"][number] | undefined, width: number, eager = false): string {
  if (!media) return "";
  return imageTag(imageUrl(new ImageObject(media), ["width", width]), ["loading", eager ? "eager" : "lazy"]);
}

export function productCard(ctx: StorefrontContext, product: ProductRecord, title: string): string {
  const first = [...product.media].sort((a, b) => a.position - b.position)[0];
  const price = Math.min(...product.variants.map((v) => Number(v.price)));
  return `<li class="card"><a href="${esc(localePath(ctx, `/products/${product.handle}`))}">${productImage(first, 400)}<span class="card-title">${esc(title)}</span></a> <span class="price">${moneyHtml(ctx, price)}</span></li>`;
}

export function productMain(ctx: StorefrontContext, product: ProductRecord, title: string, descriptionHtml: string, selected: VariantRecord, section: string): string {
  const media = (selected.imageGid && product.media.find((m) => m.gid === selected.imageGid)) || [...product.media].sort((a, b) => a.position - b.position)[0];
  const variants = product.variants.length > 1
    ? `<label>${esc(ui(ctx, "variant"))} <select name="id">${product.variants.map((v) => `<option value="${legacyId(v.gid)}"${v === selected ? " selected" : ""}>${esc(v.title)} – ${moneyHtml(ctx, v.price)}</option>`).join("")}</select></label>`
    : `<input type="hidden" name="id" value="${legacyId(selected.gid)}">`;
  return `<article class="product" data-product-id="${product.legacyId}">
<div class="product-media">${productImage(media, 800, true)}</div>
<div class="product-info">
<h1>${esc(title)}</h1>
<p class="price">${moneyHtml(ctx, selected.price)}</p>
<form method="post" action="${esc(localePath(ctx, "/cart/add"))}" class="product-form" data-product-form data-added="${esc(ui(ctx, "added"))}" data-view-cart="${esc(ui(ctx, "view"))}">
${variants}
<label>${esc(ui(ctx, "quantity"))} <input type="number" name="quantity" value="1" min="1" max="1000"></label>
<button type="submit">${esc(ui(ctx, "add"))}</button>
<p class="form-status" role="status" aria-live="polite"></p>
</form>
<div class="description">${descriptionHtml}</div>
</div>
</article>
<section class="app-section" id="shopify-section-apps-product">${section}</section>`;
}

export const THEME_CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
.site-header,.site-footer,main{max-width:72rem;margin:0 auto;padding:1rem}
.site-header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;border-bottom:1px solid #ddd}
.site-header ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}.folders{font-size:.8rem}
.site-title{font-weight:700;font-size:1.25rem;text-decoration:none;color:inherit}
img{max-width:100%;height:auto;display:block}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:1rem;list-style:none;padding:0}
.card a{text-decoration:none;color:inherit}.card-title{display:block;margin-top:.5rem}
.product{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:2rem}
.product-form{display:grid;gap:.75rem;max-width:20rem}button{font:inherit;padding:.6rem 1rem;cursor:pointer}
.consent{position:fixed;inset:auto 1rem 1rem 1rem;max-width:32rem;background:#fff;border:1px solid #999;padding:1rem;box-shadow:0 2px 8px rgba(0,0,0,.2)}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.5rem;text-align:left}
.liquid-error{background:#fee;border:2px solid #c00;padding:1rem;white-space:pre-wrap}`;
