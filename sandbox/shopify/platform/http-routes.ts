import type { IncomingMessage } from "node:http";
import type { Reply } from "../../http/http";
import type { ShopifyState } from "../state";
import { confirmCharge } from "./billing";
import { downloadBulkOutput } from "./bulk-operations";

// Non-API HTTP endpoints of the platform domain on the sandbox origin: bulk operation result files
// (standing in for Google Cloud Storage) and the merchant's billing confirmation page.
export function handlePlatformHttp(state: ShopifyState, req: IncomingMessage, url: URL): Reply | undefined {
  if (req.method !== "GET") return undefined;
  const bulk = /^\/bulk-operation-outputs\/([0-9a-f]+)$/.exec(url.pathname);
  if (bulk) return downloadBulkOutput(state, bulk[1]!, url.searchParams);
  const charge = /^\/admin\/charges\/\d+\/(\d+)\/RecurringApplicationCharge\/confirm_recurring_application_charge$/.exec(url.pathname);
  if (charge) return confirmCharge(state, Number(charge[1]), url.searchParams.get("signature"));
  return undefined;
}
