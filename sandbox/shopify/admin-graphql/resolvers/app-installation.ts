import { gid, type AdminContext } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { metafieldOwnerFields } from "../../content/metafield-fields";
import { activeSubscriptions, allSubscriptions } from "../../platform/billing";
import { apiClientId } from "../../platform/app-identity";

// QueryRoot.currentAppInstallation: the installation the access token belongs to. Shape and empty
// billing lists as in 2025-01/apps/app-billing-access-read.json. The installation is also a
// metafield owner (app-data metafields, owner type API_PERMISSION).
export function currentAppInstallation(_args: unknown, ctx: AdminContext) {
  const { installation, token, shop } = ctx;
  const scopes = installation?.scopes ?? token.scope.split(",").filter(Boolean);
  const id = gid("AppInstallation", installation?.id ?? 0);
  const accessScopes = scopes.map((handle) => ({ __typename: "AccessScope", handle }));
  return {
    __typename: "AppInstallation",
    id,
    accessScopes,
    launchUrl: `https://${shop.domain}/admin/apps/${token.apiKey}`,
    uninstallUrl: null,
    activeSubscriptions: () => activeSubscriptions(ctx),
    allSubscriptions: (args: ConnectionArgs) => connection(allSubscriptions(ctx), args, (s) => s.id),
    oneTimePurchases: (args: ConnectionArgs) => connection([], args, () => ""),
    app: {
      __typename: "App",
      id: gid("App", apiClientId(token.apiKey)),
      apiKey: token.apiKey,
      embedded: true,
      previouslyInstalled: false,
      requestedAccessScopes: accessScopes,
    },
    ...metafieldOwnerFields(ctx, id),
  };
}
