import { appSubscriptionCancel, appSubscriptionCreate } from "./billing";
import { bulkOperation, bulkOperationCancel, bulkOperationRunQuery, currentBulkOperation } from "./bulk-operations";
import { webPixel, webPixelCreate, webPixelDelete, webPixelUpdate } from "./web-pixels";
import {
  webhookSubscription, webhookSubscriptionCreate, webhookSubscriptionDelete, webhookSubscriptions, webhookSubscriptionsCount, webhookSubscriptionUpdate,
} from "./webhook-subscriptions";

// Root Query/Mutation fields of the platform domain, merged into the twin's rootValue (resolvers/index.ts).
// currentAppInstallation lives in admin-graphql/resolvers/app-installation.ts (it reads billing from here).
export const platformRootFields: Record<string, unknown> = {
  appSubscriptionCreate,
  appSubscriptionCancel,
  bulkOperationRunQuery,
  bulkOperationCancel,
  bulkOperation,
  currentBulkOperation,
  webPixel,
  webPixelCreate,
  webPixelUpdate,
  webPixelDelete,
  webhookSubscription,
  webhookSubscriptions,
  webhookSubscriptionsCount,
  webhookSubscriptionCreate,
  webhookSubscriptionUpdate,
  webhookSubscriptionDelete,
};
