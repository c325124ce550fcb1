import type { AdminContext } from "../admin-graphql/context";
import { installationNode } from "../admin-graphql/resolvers/app-installation";
import { appListing, appNode } from "./app-listing";

// QueryRoot.app / appByHandle / appByKey / appInstallation (2025-01/apps/app-billing-access-read.json
// appLookups, appInstallationDetail, currentInstallation.missingAppInstallation): the calling app and
// its installation on this shop are found by id, handle or API key; an id, handle or key that is not
// theirs answers null. The twin knows no other app's listing. app() without an id is the calling app.

const currentApp = (ctx: AdminContext) => appNode(ctx, () => installationNode(ctx));

export function app(args: { id?: string | null }, ctx: AdminContext) {
  if (args.id == null) return currentApp(ctx);
  const node = currentApp(ctx);
  return args.id === node.id ? node : null;
}

export function appByHandle(args: { handle: string }, ctx: AdminContext) {
  return args.handle === appListing(ctx.state).handle ? currentApp(ctx) : null;
}

export function appByKey(args: { apiKey: string }, ctx: AdminContext) {
  return args.apiKey === ctx.token.apiKey ? currentApp(ctx) : null;
}

export function appInstallation(args: { id?: string | null }, ctx: AdminContext) {
  const node = installationNode(ctx);
  // No id: the current installation (the schema's argument is optional, like app(id:)).
  return args.id == null || args.id === node.id ? node : null;
}
