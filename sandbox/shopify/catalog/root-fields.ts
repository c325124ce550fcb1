import { collection, collectionByHandle, collectionByIdentifier, collections, collectionsCount } from "./resolvers/collections";
import { customer, customers, customersCount } from "./resolvers/customers";
import { node, nodes } from "./resolvers/node";
import { order, orderByIdentifier, orders, ordersCount } from "./resolvers/orders";
import { productUpdate } from "./resolvers/product-update";
import {
  product, productByHandle, productByIdentifier, products, productsCount, productVariant, productVariants, productVariantsCount,
} from "./resolvers/products";
import { registerCatalogTranslatableSources } from "./translatable";

// Root Query/Mutation fields of the catalog domain, merged into the twin's rootValue (resolvers/index.ts).
registerCatalogTranslatableSources();

export const catalogRootFields: Record<string, unknown> = {
  products,
  product,
  productByIdentifier,
  productByHandle,
  productsCount,
  productVariants,
  productVariant,
  productVariantsCount,
  collections,
  collection,
  collectionByIdentifier,
  collectionByHandle,
  collectionsCount,
  orders,
  order,
  orderByIdentifier,
  ordersCount,
  customers,
  customer,
  customersCount,
  node,
  nodes,
  productUpdate,
};
