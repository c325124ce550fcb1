import { collection, collectionByHandle, collectionByIdentifier, collections, collectionsCount } from "./resolvers/collections";
import { customer, customers, customersCount } from "./resolvers/customers";
import { node, nodes } from "./resolvers/node";
import { orderCancel, orderCreate, orderDelete, orderEditBegin, orderEditCommit, orderUpdate } from "./orders/admin-order-mutations";
import { order, orderByIdentifier, orders, ordersCount } from "./resolvers/orders";
import { productCreate, productDelete } from "./resolvers/product-create";
import { collectionAddProductsV2, collectionCreate, collectionDelete } from "./resolvers/collection-write";
import { productCreateMedia, productDeleteMedia, productOptionsCreate, productOptionsDelete, productReorderMedia, productVariantsBulkReorder, productUpdateMedia, productVariantAppendMedia, productVariantDetachMedia } from "./resolvers/product-media";
import { productOperation, productSet } from "./resolvers/product-operations";
import { productUpdate } from "./resolvers/product-update";
import {
  inventoryItem, inventoryLevel, product, productByHandle, productByIdentifier, products, productsCount, productVariant, productVariants, productVariantsCount,
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
  productCreate,
  productDelete,
  collectionCreate,
  collectionDelete,
  collectionAddProductsV2,
  productCreateMedia,
  productUpdateMedia,
  productDeleteMedia,
  productReorderMedia,
  productVariantAppendMedia,
  productVariantDetachMedia,
  productSet,
  productOperation,
  productOptionsCreate,
  productOptionsDelete,
  productVariantsBulkReorder,
  inventoryItem,
  inventoryLevel,
  orderCreate,
  orderUpdate,
  orderDelete,
  orderCancel,
  orderEditBegin,
  orderEditCommit,
};
