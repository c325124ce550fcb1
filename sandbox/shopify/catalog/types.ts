// Plain records of the twin's catalog and orders (no GraphQL shapes: resolvers map them).
// Other domains read them through store.ts; the catalog module owns writes.
// Money amounts are decimal strings in the shop currency unless the field name says presentment.

export interface MediaRecord {
  gid: string; // gid://shopify/MediaImage/<id>
  url: string; // served by the sandbox: <origin>/cdn/shop/files/<name>
  alt: string;
  width: number;
  height: number;
  position: number;
  /** Where the image came from (the CSV's Shopify CDN URL); MediaImage.originalSource.url. */
  sourceUrl: string;
  /** Legacy ProductImage id (Product.images / featuredImage use gid://shopify/ProductImage/<id>). */
  productImageId: number;
  // Media added through productCreateMedia (absent on seeded media, which are READY):
  /** EXTERNAL_VIDEO media are ExternalVideo nodes; everything else is a MediaImage. */
  kind?: "IMAGE" | "EXTERNAL_VIDEO";
  /** ms epoch when simulated processing ends (simulatedDelays().fileProcessingMs after creation). */
  readyAt?: number;
  /** Set when processing ended without an image (the offline twin cannot download external URLs). */
  failure?: { code: string; message: string; details: string | null };
  /** MediaImage.mimeType of created media once READY (seeded media derive it from the URL). */
  mimeType?: string;
  createdAt?: string;
  updatedAt?: string;
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
  taxable: boolean;
  inventoryPolicy: "DENY" | "CONTINUE";
  grams: number;
  /** The variant's InventoryItem (write.ts gives every variant one). */
  inventoryItem?: InventoryItemRecord;
  // Set by productVariantsBulkCreate/Update (absent = Shopify's defaults: null / false).
  taxCode?: string | null;
  requiresComponents?: boolean;
  showUnitPrice?: boolean;
  unitPriceMeasurement?: UnitPriceMeasurementRecord | null;
  /** Variants added after their product; seeded ones share the product's timestamps. */
  createdAt?: string;
  updatedAt?: string;
}

export interface InventoryItemRecord {
  gid: string; // gid://shopify/InventoryItem/<id>
  tracked: boolean;
  requiresShipping: boolean;
  countryCodeOfOrigin: string | null;
  provinceCodeOfOrigin: string | null;
  harmonizedSystemCode: string | null;
  weight: { value: number; unit: "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS" };
  cost: string | null;
  /** Stocked at a location (has inventory levels): seeded variants are; API-made ones only when given quantities. */
  stocked: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UnitPriceMeasurementRecord {
  quantityValue: number;
  quantityUnit: string | null;
  referenceValue: number;
  referenceUnit: string | null;
}

/** An option linked to a product metafield: each value stands for a metaobject (values[j] <-> option values[j]). */
export interface LinkedOptionRecord { namespace: string; key: string; values: string[] }

/** Stable ProductOption / ProductOptionValue ids, kept once an option is created or moved (product-options.ts). */
export interface OptionIds { id: string; valueIds: string[] }

export interface ProductRecord {
  gid: string; // gid://shopify/Product/<id>
  legacyId: number;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[]; // sorted, as Shopify returns them
  status: "ACTIVE" | "DRAFT" | "ARCHIVED" | "UNLISTED";
  seo: { title: string | null; description: string | null };
  /** `values` holds every option value, also ones no variant uses (ProductOption.optionValues). */
  options: { name: string; values: string[]; ids?: OptionIds; linked?: LinkedOptionRecord }[];
  media: MediaRecord[];
  variants: VariantRecord[];
  createdAt: string; // ISO
  updatedAt: string; // ISO
  publishedAt: string | null;
  templateSuffix: string | null;
  /** Seeded products track inventory; products made by productCreate do not (until an inventory item is tracked). */
  tracksInventory?: boolean;
  /** ms epoch from which `query:` searches see the product (search indexing lag of mutation-created products). */
  searchableAt?: number;
}

export interface CollectionRuleRecord { column: string; relation: string; condition: string }

export interface CollectionRecord {
  gid: string; // gid://shopify/Collection/<id>
  handle: string;
  title: string;
  descriptionHtml: string;
  productGids: string[]; // custom: manual order; smart: recomputed from rules by the catalog
  updatedAt: string;
  legacyId: number;
  /** null = custom (manual) collection; otherwise a smart collection's rule set. */
  ruleSet: { appliedDisjunctively: boolean; rules: CollectionRuleRecord[] } | null;
  sortOrder: "MANUAL" | "BEST_SELLING" | "ALPHA_ASC" | "CREATED_DESC" | "PRICE_ASC";
  seo: { title: string | null; description: string | null };
  publishedAt: string | null;
  templateSuffix?: string | null;
}

export interface AddressRecord {
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  province: string | null;
  zip: string;
  countryCode: string;
  country: string;
  phone: string | null;
  /** Addresses given to orderCreate carry only a province code: `province` holds the code and the province name is unknown. */
  provinceCodeOnly?: boolean;
}

export interface CustomerRecord {
  gid: string; // gid://shopify/Customer/<id>
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
  countryCode: string;
  createdAt: string;
  legacyId: number;
  updatedAt: string;
  tags: string[];
  acceptsMarketing: boolean;
  address: AddressRecord;
}

export interface OrderLineRecord {
  gid: string; // gid://shopify/LineItem/<id>
  productGid: string | null;
  variantGid: string | null;
  title: string;
  quantity: number;
  unitPrice: string;
  /** Unit price in the order's presentment currency. */
  unitPricePresentment: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  /** Line item properties given to orderCreate (LineItem.customAttributes); checkout lines have none. */
  customAttributes?: { key: string; value: string }[];
  /** orderCreate's requiresShipping/taxable; checkout lines follow the variant. */
  requiresShipping?: boolean;
  taxable?: boolean;
  /** orderCreate's tax lines (amounts in shop and presentment currency); absent where the twin does not model them. */
  taxLines?: { title: string; rate: number; price: string; pricePresentment: string }[];
}

export interface OrderRefundRecord {
  gid: string;
  createdAt: string;
  amount: string;
  note: string | null;
  amountPresentment: string;
}

export interface OrderTransactionRecord {
  gid: string; // gid://shopify/OrderTransaction/<id>
  kind: "AUTHORIZATION" | "SALE";
  status: "SUCCESS";
  gateway: string;
  amount: string; // shop currency (= order currency for app-created orders)
  test: boolean;
  createdAt: string;
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
  financialStatus: "PAID" | "PENDING" | "REFUNDED" | "PARTIALLY_REFUNDED" | "AUTHORIZED";
  refunds: OrderRefundRecord[];
  /** Payment transactions given to orderCreate(transactions:); absent on orders whose transactions the twin does not model. */
  transactions?: OrderTransactionRecord[];
  /** Set by orderCancel. */
  cancelledAt?: string | null;
  cancelReason?: string | null;
  createdAt: string;
  processedAt: string;
  number: number; // 1001 for "#1001"
  updatedAt: string;
  tags: string[];
  fulfillmentStatus: "UNFULFILLED" | "FULFILLED";
  marketId: number | null;
  /** Presentment-currency totals (equal to the shop amounts when the currencies match). */
  presentment: { subtotal: string; totalTax: string; totalShipping: string; total: string; totalRefunded: string };
  taxesIncluded: boolean;
  shippingAddress: AddressRecord | null;
  test: boolean;
  /** Staff/app note (Order.note); absent on checkout orders. */
  note?: string | null;
  /** Order.customAttributes (orderCreate's customAttributes; checkout orders have none). */
  customAttributes?: { key: string; value: string }[];
  /** orderCreate's shipping lines (amounts in shop and presentment currency); absent on checkout orders. */
  shippingLines?: { title: string; code: string | null; source: string | null; price: string; pricePresentment: string; taxLines: { title: string; rate: number; price: string; pricePresentment: string }[] }[];
  /** orderCreate's discount code (a fixed amount off the line items). */
  discount?: { code: string; amount: string; amountPresentment: string };
  /** orderCreate's billingAddress (null when none was given); absent on checkout orders, which bill to the shipping address. */
  billingAddress?: AddressRecord | null;
}

export interface CatalogState {
  products: Map<string, ProductRecord>; // by gid, insertion order = creation order
  collections: Map<string, CollectionRecord>;
  customers: Map<string, CustomerRecord>;
  orders: Map<string, OrderRecord>;
}
