import { Drop } from "liquidjs";
import { resolveAppPrefix } from "../shopify/platform/app-identity";
import { catalogOf } from "../shopify/catalog/store";
import type { CollectionRecord, MediaRecord, ProductRecord, VariantRecord } from "../shopify/catalog/types";
import { readMetafield } from "../shopify/content/metafields-store";
import { definitionByType, metaobjectStore, objectsOfType, type MetaobjectRecord } from "../shopify/content/metaobjects-store";
import { legacyId, localePath, presentmentCents, type StorefrontContext } from "./context";
import { localized } from "./locale";
import { moneyFormatsFor } from "./money";

// The Shopify Liquid objects app blocks use, built from the twin's records. Every documented
// property a block may read is present (null when empty): with strictVariables on, a property the
// twin does not model fails loudly instead of rendering as silently empty.

/** An image object; `{{ image }}` prints its "files/<name>" path like Shopify. */
export class ImageObject {
  readonly id: number;
  readonly src: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly aspect_ratio: number;
  readonly media_type = "image";
  readonly position: number;
  readonly presentation = { focal_point: null };
  constructor(media: Pick<MediaRecord, "url" | "width" | "height" | "alt" | "position"> & { gid?: string }) {
    this.id = media.gid ? legacyId(media.gid) : 0;
    // Images are served from the storefront's own /cdn/shop/files, as on Shopify.
    this.src = `/cdn/shop/files/${fileName(media.url)}`;
    this.width = media.width;
    this.height = media.height;
    this.alt = media.alt;
    this.aspect_ratio = Math.round((media.width / media.height) * 1000) / 1000;
    this.position = media.position;
  }
  toString(): string {
    return `files/${fileName(this.src)}`;
  }
}

export const fileName = (url: string) => decodeURIComponent(new URL(url, "http://x").pathname.split("/").pop() ?? "");

/** `x.metafields.<namespace>.<key>`; `$app` / `$app:x` resolve to the app's reserved namespace. */
export class MetafieldsDrop extends Drop {
  // #private: a namespace called "ctx" must reach liquidMethodMissing, not a field.
  readonly #ctx: StorefrontContext;
  readonly #ownerGid: string;
  constructor(ctx: StorefrontContext, ownerGid: string) {
    super();
    this.#ctx = ctx;
    this.#ownerGid = ownerGid;
  }
  toJSON() {
    return undefined; // `product | json` leaves metafields out, as Shopify does
  }
  override liquidMethodMissing(namespace: string) {
    return new MetafieldNamespaceDrop(this.#ctx, this.#ownerGid, resolveAppPrefix(namespace, this.#ctx.app.apiKey));
  }
}

class MetafieldNamespaceDrop extends Drop {
  readonly #ctx: StorefrontContext;
  readonly #ownerGid: string;
  readonly #namespace: string;
  constructor(ctx: StorefrontContext, ownerGid: string, namespace: string) {
    super();
    this.#ctx = ctx;
    this.#ownerGid = ownerGid;
    this.#namespace = namespace;
  }
  toJSON() {
    return undefined;
  }
  override liquidMethodMissing(key: string) {
    const record = readMetafield(this.#ctx.state, this.#ctx.shop.domain, this.#ownerGid, this.#namespace, key);
    return record ? new MetafieldObject(this.#ctx, record.type, record.value) : null;
  }
}

/** A metafield (or metaobject field): `{{ mf }}` prints the value, `.value` is typed, `.type` the type. */
export class MetafieldObject {
  readonly type: string;
  readonly value: unknown;
  readonly list?: boolean;
  constructor(ctx: StorefrontContext, type: string, raw: string) {
    this.type = type;
    this.value = typedValue(ctx, type, raw);
  }
  toString(): string {
    return Array.isArray(this.value) || (this.value && typeof this.value === "object" && !(this.value instanceof ImageObject)) ? JSON.stringify(this.value) : String(this.value ?? "");
  }
}

function typedValue(ctx: StorefrontContext, type: string, raw: string): unknown {
  const base = type.replace(/^list\./, "");
  const parse = () => { try { return JSON.parse(raw) as unknown; } catch { return raw; } };
  if (type.startsWith("list.")) {
    const items = parse();
    return Array.isArray(items) ? items.map((v) => typedValue(ctx, base, typeof v === "string" ? v : JSON.stringify(v))) : [];
  }
  switch (base) {
    case "number_integer": case "number_decimal": case "rating": return Number(raw);
    case "boolean": return raw === "true";
    case "json": case "money": case "dimension": case "weight": case "volume": case "link": return parse();
    case "product_reference": return productByGid(ctx, raw);
    case "collection_reference": return collectionByGid(ctx, raw);
    case "metaobject_reference": return metaobjectByGid(ctx, raw);
    default: return raw;
  }
}

function productByGid(ctx: StorefrontContext, gid: string) {
  const product = catalogOf(ctx.state, ctx.shop.domain).products.get(gid);
  return product ? productObject(ctx, product) : null;
}

function collectionByGid(ctx: StorefrontContext, gid: string) {
  const collection = catalogOf(ctx.state, ctx.shop.domain).collections.get(gid);
  return collection ? collectionObject(ctx, collection) : null;
}

function metaobjectByGid(ctx: StorefrontContext, gid: string) {
  const record = metaobjectStore(ctx.state).objects.get(legacyId(gid));
  return record && record.shop === ctx.shop.domain ? metaobjectObject(ctx, record) : null;
}

/** `metaobjects.<type>.<handle>`, `metaobjects['$app:type'].values`; only storefront-readable, active entries. */
export class MetaobjectsDrop extends Drop {
  readonly #ctx: StorefrontContext;
  constructor(ctx: StorefrontContext) {
    super();
    this.#ctx = ctx;
  }
  toJSON() {
    return undefined;
  }
  override liquidMethodMissing(type: string) {
    const ctx = this.#ctx;
    const resolved = resolveAppPrefix(type, ctx.app.apiKey).toLowerCase();
    const definition = definitionByType(ctx.state, ctx.shop.domain, resolved);
    // Liquid only sees types whose definition grants storefront access (PUBLIC_READ).
    if (!definition || definition.access.storefront.toUpperCase() !== "PUBLIC_READ") return new MetaobjectTypeDrop(ctx, []);
    const entries = objectsOfType(ctx.state, ctx.shop.domain, resolved).filter((o) => o.status === null || o.status === "ACTIVE");
    return new MetaobjectTypeDrop(ctx, entries);
  }
}

class MetaobjectTypeDrop extends Drop {
  readonly values: ReturnType<typeof metaobjectObject>[];
  readonly #entries: MetaobjectRecord[];
  constructor(ctx: StorefrontContext, entries: MetaobjectRecord[]) {
    super();
    this.#entries = entries;
    this.values = entries.map((e) => metaobjectObject(ctx, e));
  }
  toJSON() {
    return this.values;
  }
  override liquidMethodMissing(handle: string) {
    const i = this.#entries.findIndex((e) => e.handle === handle);
    return i >= 0 ? this.values[i] : null;
  }
}

function metaobjectObject(ctx: StorefrontContext, record: MetaobjectRecord) {
  const definition = definitionByType(ctx.state, ctx.shop.domain, record.type);
  const out: Record<string, unknown> = {
    system: { id: record.id, handle: record.handle, type: record.type, url: null },
  };
  for (const field of definition?.fieldDefinitions ?? []) {
    const stored = record.fields.get(field.key);
    out[field.key] = stored ? new MetafieldObject(ctx, field.type, stored.value) : null;
  }
  return out;
}

export function variantObject(ctx: StorefrontContext, product: ProductRecord, variant: VariantRecord) {
  const image = variant.imageGid ? product.media.find((m) => m.gid === variant.imageGid) : undefined;
  const title = localized(ctx.state, ctx.shop, ctx.loc, variant.gid, "title", variant.title);
  return {
    id: legacyId(variant.gid),
    title,
    sku: variant.sku,
    barcode: variant.barcode,
    price: presentmentCents(ctx, variant.price),
    compare_at_price: variant.compareAtPrice ? presentmentCents(ctx, variant.compareAtPrice) : null,
    available: variant.inventoryPolicy === "CONTINUE" || variant.inventoryQuantity > 0,
    inventory_quantity: variant.inventoryQuantity,
    inventory_policy: variant.inventoryPolicy.toLowerCase(),
    option1: variant.options[0]?.value ?? null,
    option2: variant.options[1]?.value ?? null,
    option3: variant.options[2]?.value ?? null,
    options: variant.options.map((o) => o.value),
    image: image ? new ImageObject(image) : null,
    featured_image: image ? new ImageObject(image) : null,
    featured_media: image ? new ImageObject(image) : null,
    url: `${localePath(ctx, `/products/${product.handle}`)}?variant=${legacyId(variant.gid)}`,
    requires_shipping: true,
    taxable: variant.taxable,
    weight: variant.grams,
    metafields: new MetafieldsDrop(ctx, variant.gid),
  };
}

export function productObject(ctx: StorefrontContext, product: ProductRecord, selectedVariantId?: number) {
  const variants = product.variants.map((v) => variantObject(ctx, product, v));
  const prices = variants.map((v) => v.price);
  const compare = variants.map((v) => v.compare_at_price ?? v.price);
  const firstAvailable = variants.find((v) => v.available) ?? null;
  const selected = selectedVariantId ? variants.find((v) => v.id === selectedVariantId) ?? null : null;
  const images = [...product.media].sort((a, b) => a.position - b.position).map((m) => new ImageObject(m));
  const tr = (key: string, source: string) => localized(ctx.state, ctx.shop, ctx.loc, product.gid, key, source);
  const description = tr("body_html", product.descriptionHtml);
  return {
    id: product.legacyId,
    title: tr("title", product.title),
    handle: product.handle,
    description,
    content: description,
    vendor: product.vendor,
    type: product.productType,
    tags: product.tags,
    url: localePath(ctx, `/products/${product.handle}`),
    available: variants.some((v) => v.available),
    price: Math.min(...prices),
    price_min: Math.min(...prices),
    price_max: Math.max(...prices),
    price_varies: new Set(prices).size > 1,
    compare_at_price: variants[0]?.compare_at_price ?? null,
    compare_at_price_min: Math.min(...compare),
    compare_at_price_max: Math.max(...compare),
    compare_at_price_varies: new Set(compare).size > 1,
    featured_image: images[0] ?? null,
    featured_media: images[0] ?? null,
    images,
    media: images,
    variants,
    first_available_variant: firstAvailable,
    selected_variant: selected,
    selected_or_first_available_variant: selected ?? firstAvailable ?? variants[0] ?? null,
    has_only_default_variant: product.variants.length === 1 && product.variants[0]!.title === "Default Title",
    options: product.options.map((o) => o.name),
    options_with_values: product.options.map((o, i) => ({ name: o.name, position: i + 1, values: o.values })),
    created_at: product.createdAt,
    published_at: product.publishedAt,
    template_suffix: product.templateSuffix,
    gift_card: false,
    requires_selling_plan: false,
    metafields: new MetafieldsDrop(ctx, product.gid),
  };
}

/** The fields pages need; /collections/all is a collection without a record. */
export type CollectionLike = Pick<CollectionRecord, "gid" | "legacyId" | "handle" | "title" | "descriptionHtml" | "productGids">;

export function collectionObject(ctx: StorefrontContext, collection: CollectionLike) {
  const catalog = catalogOf(ctx.state, ctx.shop.domain);
  const products = collection.productGids.map((g) => catalog.products.get(g)).filter((p): p is ProductRecord => !!p && isOnline(p));
  const tr = (key: string, source: string) => localized(ctx.state, ctx.shop, ctx.loc, collection.gid, key, source);
  const productObjects = products.map((p) => productObject(ctx, p));
  return {
    id: collection.legacyId,
    title: tr("title", collection.title),
    handle: collection.handle,
    description: tr("body_html", collection.descriptionHtml),
    url: localePath(ctx, `/collections/${collection.handle}`),
    products: productObjects,
    products_count: productObjects.length,
    all_products_count: productObjects.length,
    image: null,
    featured_image: productObjects[0]?.featured_image ?? null,
    sort_by: null,
    metafields: new MetafieldsDrop(ctx, collection.gid),
  };
}

/** Published on the Online Store: active with a publish date. */
export const isOnline = (p: ProductRecord) => p.status === "ACTIVE" && !!p.publishedAt;

export function shopObject(ctx: StorefrontContext) {
  const { shop } = ctx;
  const formats = moneyFormatsFor(ctx.currency);
  return {
    id: shop.id,
    name: shop.name,
    email: shop.email,
    description: null,
    domain: shop.primaryDomain.host,
    permanent_domain: shop.domain,
    url: ctx.origin,
    secure_url: ctx.origin,
    currency: shop.currencyCode,
    money_format: formats.moneyFormat,
    money_with_currency_format: formats.moneyWithCurrencyFormat,
    locale: ctx.loc.locale,
    enabled_currencies: [...new Set(shop.markets.map((m) => m.currencyCode ?? shop.currencyCode))].map((iso_code) => ({ iso_code, name: iso_code, symbol: iso_code })),
    published_locales: shop.locales.filter((l) => l.published || l.primary).map((l) => ({ iso_code: l.locale, name: l.name, primary: l.primary })),
    metafields: new MetafieldsDrop(ctx, `gid://shopify/Shop/${shop.id}`),
    metaobjects: new MetaobjectsDrop(ctx),
  };
}

export function appObject(ctx: StorefrontContext) {
  const installation = ctx.state.installations.get(`${ctx.shop.domain} ${ctx.app.apiKey}`);
  // App-data metafields live on the AppInstallation (metafieldsSet with ownerId = currentAppInstallation.id).
  return { metafields: new MetafieldsDrop(ctx, `gid://shopify/AppInstallation/${installation?.id ?? 0}`) };
}

export function requestObject(ctx: StorefrontContext) {
  const locale = ctx.shop.locales.find((l) => l.locale === ctx.loc.locale);
  return {
    locale: { iso_code: ctx.loc.locale, name: locale?.name ?? ctx.loc.locale, endonym_name: locale?.name ?? ctx.loc.locale, primary: ctx.loc.locale === ctx.loc.primaryLocale, root_url: ctx.loc.root === "/" ? "/" : ctx.loc.root.slice(0, -1) },
    host: ctx.url.host,
    origin: ctx.origin,
    path: ctx.url.pathname,
    page_type: ctx.template,
    design_mode: false,
    visual_preview_mode: false,
  };
}

export function routesObject(ctx: StorefrontContext) {
  const p = (path: string) => localePath(ctx, path);
  return {
    root_url: ctx.loc.root === "/" ? "/" : ctx.loc.root.slice(0, -1),
    cart_url: p("/cart"),
    cart_add_url: p("/cart/add"),
    cart_change_url: p("/cart/change"),
    cart_update_url: p("/cart/update"),
    search_url: p("/search"),
    predictive_search_url: p("/search/suggest"),
    collections_url: p("/collections"),
    all_products_collection_url: p("/collections/all"),
    product_recommendations_url: p("/recommendations/products"),
    account_url: p("/account"),
  };
}

export function localizationObject(ctx: StorefrontContext) {
  return {
    language: { iso_code: ctx.loc.locale, root_url: routesObject(ctx).root_url },
    country: { iso_code: ctx.loc.market.countryCodes[0] ?? null, currency: { iso_code: ctx.currency } },
    market: { id: ctx.loc.market.id, handle: ctx.loc.market.handle },
    available_languages: ctx.shop.locales.filter((l) => l.published || l.primary).map((l) => ({ iso_code: l.locale, endonym_name: l.name })),
  };
}
