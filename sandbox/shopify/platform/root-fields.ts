import { appInstallations, appRevokeAccessScopes, delegateAccessTokenCreate, delegateAccessTokenDestroy } from "./app-access";
import { app, appByHandle, appByKey, appInstallation } from "./app-lookups";
import { appSubscriptionCancel, appSubscriptionCreate } from "./billing";
import { bulkOperation, bulkOperationCancel, bulkOperationRunMutation, bulkOperationRunQuery, bulkOperations, currentBulkOperation } from "./bulk-operations";
import { onlineStoreRootFields } from "./online-store";
import { eventBridgeServerPixelUpdate, pubSubServerPixelUpdate, webPixel, webPixelCreate, webPixelDelete, webPixelUpdate } from "./web-pixels";
import {
  eventBridgeWebhookSubscriptionCreate, eventBridgeWebhookSubscriptionUpdate, pubSubWebhookSubscriptionCreate, pubSubWebhookSubscriptionUpdate,
  webhookSubscription, webhookSubscriptionCreate, webhookSubscriptionDelete, webhookSubscriptions, webhookSubscriptionsCount, webhookSubscriptionUpdate,
} from "./webhook-subscriptions";

// Root Query/Mutation fields of the platform domain, merged into the twin's rootValue (resolvers/index.ts).
// currentAppInstallation lives in admin-graphql/resolvers/app-installation.ts (it reads billing from here).
export const platformRootFields: Record<string, unknown> = {
  app,
  appByHandle,
  appByKey,
  appInstallation,
  appSubscriptionCreate,
  appSubscriptionCancel,
  appRevokeAccessScopes,
  appInstallations,
  delegateAccessTokenCreate,
  delegateAccessTokenDestroy,
  bulkOperationRunQuery,
  bulkOperationRunMutation,
  bulkOperations,
  bulkOperationCancel,
  bulkOperation,
  currentBulkOperation,
  webPixel,
  webPixelCreate,
  webPixelUpdate,
  webPixelDelete,
  pubSubServerPixelUpdate,
  eventBridgeServerPixelUpdate,
  webhookSubscription,
  webhookSubscriptions,
  webhookSubscriptionsCount,
  webhookSubscriptionCreate,
  webhookSubscriptionUpdate,
  webhookSubscriptionDelete,
  pubSubWebhookSubscriptionCreate,
  pubSubWebhookSubscriptionUpdate,
  eventBridgeWebhookSubscriptionCreate,
  eventBridgeWebhookSubscriptionUpdate,
  ...onlineStoreRootFields,
};
