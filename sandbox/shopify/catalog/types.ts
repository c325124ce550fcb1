// Plain records of the twin's catalog and orders (no GraphQL shapes: resolvers map them).
// Other domains read them through store.ts; the catalog module owns writes.

export interface MediaRecord {
  gid: string; // gid://shopify/MediaImage/<id>
  url: string; // served by the sandbox (e.g. /cdn/shop/files/<name>)
  alt: string;
  width: number;
  height: number;
  position: number;
}

export interface VariantRecord {
  gid: string; // gid://shopify/ProductVariant/<id>
  productGid: string;
  title: string;
  sku: string;
  price: string; // decimal string in shop currency, e.g. "29.00"
  compareAtPrice: string | null;
  options: { name: string; value: string }[];
  inventoryQuantity: number;
  barcode: string | null;
  imageGid: string | null;
  position: number;
}

export interface ProductRecord {
  gid: string; // gid://shopify/Product/<id>
  legacyId: number;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  seo: { title: string | null; description: string | null };
  options: { name: string; values: string[] }[];
  media: MediaRecord[];
  variants: VariantRecord[];
  createdAt: string; // ISO
  updatedAt: string; // ISO
  publishedAt: string | null;
}

export interface CollectionRecord {
  gid: string; // gid://shopify/Collection/<id>
  handle: string;
  title: string;
  descriptionHtml: string;
  productGids: string[];
  updatedAt: string;
}

export interface CustomerRecord {
  gid: string; // gid://shopify/Customer/<id>
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
  countryCode: string;
  createdAt: string;
}

export interface OrderLineRecord {
  gid: string; // gid://shopify/LineItem/<id>
  productGid: string | null;
  variantGid: string | null;
  title: string;
  quantity: number;
  unitPrice: string;
}

export interface OrderRecord {
  gid: string; // gid://shopify/Order/<id>
  legacyId: number;
  name: string; // "#1001"
  customerGid: string | null;
  email: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  subtotal: string;
  totalTax: string;
  totalShipping: string;
  total: string;
  totalRefunded: string;
  lines: OrderLineRecord[];
  landingSite: string | null; // path + query incl. UTM, as Shopify stores it
  referringSite: string | null;
  sourceName: string; // "web"
  countryCode: string; // shipping/billing country: market
  locale: string; // customer locale at checkout
  financialStatus: "PAID" | "PENDING" | "REFUNDED" | "PARTIALLY_REFUNDED";
  refunds: { gid: string; createdAt: string; amount: string; note: string | null }[];
  createdAt: string;
  processedAt: string;
}

export interface CatalogState {
  products: Map<string, ProductRecord>; // by gid, insertion order = creation order
  collections: Map<string, CollectionRecord>;
  customers: Map<string, CustomerRecord>;
  orders: Map<string, OrderRecord>;
}
