// Access scopes for the whole product; shopify.app.toml declares the same list (a test keeps them equal).
export const ACCESS_SCOPES = [
  "read_products", "write_products", // catalog reads, primary-locale copy
  "read_translations", "write_translations", // translationsRegister
  "read_locales", "write_locales", // shopLocales
  "read_markets", "write_markets", // markets + web presences
  "read_files", "write_files", // UGC re-hosting via fileCreate
  "read_metaobjects", "write_metaobjects", // gallery metaobjects
  "read_metaobject_definitions", "write_metaobject_definitions",
  "write_pixels", "read_customer_events", // web pixel + customer events
  "read_orders", // attribution joins pixel events to orders
] as const;
