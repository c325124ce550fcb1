import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/modules/webhooks/receive.server";

// customers/redact — declared in shopify.app.toml; processed by app/modules/webhooks/process-webhook.job.server.ts
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "customers/redact");
