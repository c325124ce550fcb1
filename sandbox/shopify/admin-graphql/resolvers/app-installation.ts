import { gid, type AdminContext } from "../context";

// QueryRoot.currentAppInstallation: the installation the access token belongs to.
export function currentAppInstallation(_args: unknown, { installation, token }: AdminContext) {
  const scopes = installation?.scopes ?? token.scope.split(",").filter(Boolean);
  return {
    __typename: "AppInstallation",
    id: gid("AppInstallation", installation?.id ?? 0),
    accessScopes: scopes.map((handle) => ({ __typename: "AccessScope", handle })),
  };
}
