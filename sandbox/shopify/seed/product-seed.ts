// The shape a product has before it enters the twin: what a Shopify product CSV row group says
// (and what the generator writes one per JSONL line). Records and ids are made from it later.

export interface VariantSeed {
  optionValues: string[]; // by option position
  sku: string;
  price: string; // "29.00"
  compareAtPrice: string | null;
  inventoryQuantity: number;
  barcode: string | null;
  grams: number;
  taxable: boolean;
  inventoryPolicy: "DENY" | "CONTINUE";
  imageSrc: string | null;
}

export interface ImageSeed { src: string; alt: string; width: number; height: number }

export interface ProductSeed {
  handle: string;
  title: string;
  bodyHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  published: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
  options: { name: string; values: string[] }[];
  variants: VariantSeed[];
  images: ImageSeed[];
}
