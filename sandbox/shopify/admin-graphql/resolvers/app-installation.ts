import { gid, type AdminContext } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { metafieldOwnerFields } from "../../content/metafield-fields";
import { activeSubscriptions, allSubscriptions } from "../../platform/billing";
import { accessScopeNodes, appNode, grantedHandles, launchUrl } from "../../platform/app-listing";

// QueryRoot.currentAppInstallation: the installation the access token belongs to. Shape and empty
// billing lists as in 2025-01/apps/app-billing-access-read.json (launchUrl ends in the app's handle,
// accessScopes come sorted by handle). The installation is also a metafield owner (app-data
// metafields, owner type API_PERMISSION).
export function currentAppInstallation(_args: unknown, ctx: AdminContext) {
  return installationNode(ctx);
}

export function installationNode(ctx: AdminContext): Record<string, unknown> {
  const id = gid("AppInstallation", ctx.installation?.id ?? 0);
  return {
    __typename: "AppInstallation",
    id,
    accessScopes: accessScopeNodes(grantedHandles(ctx)),
    launchUrl: launchUrl(ctx),
    uninstallUrl: null,
    activeSubscriptions: () => activeSubscriptions(ctx),
    allSubscriptions: (args: ConnectionArgs) => connection(allSubscriptions(ctx), args, (s) => s.id),
    oneTimePurchases: (args: ConnectionArgs) => connection([], args, () => ""),
    app: () => appNode(ctx, () => installationNode(ctx)),
    ...metafieldOwnerFields(ctx, id),
  };
}
