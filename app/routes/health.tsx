import { checkHealth } from "~/modules/health/health.server";

// Public health check for load balancers and the demo script: 200 when the database and queue answer.
export const loader = async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
};
