import { collection, collectionByHandle, collectionByIdentifier, collections, collectionsCount } from "./resolvers/collections";
import { customer, customers, customersCount } from "./resolvers/customers";
import { node, nodes } from "./resolvers/node";
import { orderCancel, orderCreate, orderDelete, orderEditBegin, orderEditCommit, orderUpdate } from "./orders/admin-order-mutations";
import { order, orderByIdentifier, orders, ordersCount } from "./resolvers/orders";
import { productCreate, productDelete } from "./resolvers/product-create";
import { collectionAddProductsV2, collectionCreate, collectionDelete, collectionRemoveProducts, collectionUpdate } from "./resolvers/collection-write";
import { productCreateMedia, productDeleteMedia, productReorderMedia, productUpdateMedia, productVariantAppendMedia, productVariantDetachMedia } from "./resolvers/product-media";
import { productOptionsCreate, productOptionsDelete, productOptionsReorder, productVariantsBulkReorder } from "./resolvers/product-options";
import { productOperation, productSet } from "./resolvers/product-operations";
import { productUpdate } from "./resolvers/product-update";
import {
  inventoryItem, inventoryLevel, product, productByHandle, productByIdentifier, products, productsCount, productVariant, productVariantByIdentifier, productVariants, productVariantsCount,
} from "./resolvers/products";
import { productDuplicateJob, productTags, productTypes, productVendors } from "./resolvers/product-facets";
import { productVariantsBulkCreate, productVariantsBulkDelete, productVariantsBulkUpdate } from "./resolvers/variants-bulk";
import { registerCatalogTranslatableSources } from "./translatable";

// Root Query/Mutation fields of the catalog domain, merged into the twin's rootValue (resolvers/index.ts).
registerCatalogTranslatableSources();

export const catalogRootFields: Record<string, unknown> = {
  products,
  product,
  productByIdentifier,
  productByHandle,
  productsCount,
  productTags,
  productTypes,
  productVendors,
  productDuplicateJob,
  productVariants,
  productVariant,
  productVariantByIdentifier,
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
  collectionUpdate,
  collectionRemoveProducts,
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
  productOptionsReorder,
  productVariantsBulkReorder,
  productVariantsBulkCreate,
  productVariantsBulkUpdate,
  productVariantsBulkDelete,
  inventoryItem,
  inventoryLevel,
  orderCreate,
  orderUpdate,
  orderDelete,
  orderCancel,
  orderEditBegin,
  orderEditCommit,
};
