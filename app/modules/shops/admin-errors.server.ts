import { logger } from "~/modules/observability/logger.server";

/**
 * Turns a failed Admin API call into a message staff can read. Responses that drive
 * authentication (401 retry, redirects) are rethrown so shopify-app-remix can handle them.
 */
export function describeAdminFailure(error: unknown, context: { shop: string; operation: string }): string {
  if (error instanceof Response) {
    if (error.status === 401 || (error.status >= 300 && error.status < 400)) throw error;
    logger.warn({ shop: context.shop, operation: context.operation, status: error.status }, "Admin API HTTP error");
    return `HTTP ${error.status}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  logger.warn({ shop: context.shop, operation: context.operation, err: message }, "Admin API query failed");
  return message;
}
