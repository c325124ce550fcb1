import type { AccessTokenRecord } from "../auth/access-tokens";
import type { AppInstallationRecord, ShopRecord, ShopifyState } from "../state";

/** What every resolver sees: the shop the request is for and the token it came with. */
export interface AdminContext {
  state: ShopifyState;
  shop: ShopRecord;
  token: AccessTokenRecord;
  installation: AppInstallationRecord | undefined;
}

export const gid = (type: string, id: number | string) => `gid://shopify/${type}/${id}`;
