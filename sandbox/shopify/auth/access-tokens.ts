import { randomBytes } from "node:crypto";

// Access and refresh tokens the twin has issued. Lifetimes follow Shopify's documentation:
// expiring offline tokens 3600 s with a refresh token; online tokens about a day.
export const OFFLINE_TOKEN_TTL_SECONDS = 3600;
// Not stated in the docs we hold; 90 days is a placeholder that only matters for long-lived demos.
export const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;
export const ONLINE_TOKEN_TTL_SECONDS = 86_399;

export interface AccessTokenRecord {
  token: string;
  shop: string;
  apiKey: string;
  scope: string;
  kind: "offline" | "online";
  userId?: number;
  expiresAt?: number; // ms epoch; undefined = non-expiring offline token
  /** The refresh token this one replaced; it stays usable until this token is first used. */
  replacesRefreshToken?: string;
}

export interface RefreshTokenRecord { token: string; shop: string; apiKey: string; scope: string; expiresAt: number }

const opaque = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;

// The store that issued a record, so Admin resolvers (which only see the caller's record in their
// context) can look other tokens up, e.g. delegateAccessTokenDestroy.
const issuedBy = new WeakMap<AccessTokenRecord, AccessTokenStore>();
export const storeOf = (record: AccessTokenRecord): AccessTokenStore | undefined => issuedBy.get(record);

export class AccessTokenStore {
  private access = new Map<string, AccessTokenRecord>();
  private refresh = new Map<string, RefreshTokenRecord>();

  issueOffline(shop: string, apiKey: string, scope: string, { expiring, now = Date.now() }: { expiring: boolean; now?: number }) {
    const record: AccessTokenRecord = { token: opaque("shpat_"), shop, apiKey, scope, kind: "offline" };
    if (!expiring) {
      this.access.set(record.token, record);
      return { access: record };
    }
    record.expiresAt = now + OFFLINE_TOKEN_TTL_SECONDS * 1000;
    const refresh: RefreshTokenRecord = { token: opaque("shprt_"), shop, apiKey, scope, expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000 };
    this.access.set(record.token, record);
    this.refresh.set(refresh.token, refresh);
    return { access: record, refresh };
  }

  issueOnline(shop: string, apiKey: string, scope: string, userId: number, now = Date.now()): AccessTokenRecord {
    const record: AccessTokenRecord = {
      token: opaque("shpua_"), shop, apiKey, scope, kind: "online", userId, expiresAt: now + ONLINE_TOKEN_TTL_SECONDS * 1000,
    };
    this.access.set(record.token, record);
    return record;
  }

  /** Rotates a refresh token. The old one is kept until the new access token is used (Shopify, Aug 2026). */
  rotate(refreshToken: string, apiKey: string, now = Date.now()) {
    const old = this.refresh.get(refreshToken);
    if (!old || old.apiKey !== apiKey || old.expiresAt <= now) return undefined;
    const issued = this.issueOffline(old.shop, old.apiKey, old.scope, { expiring: true, now });
    issued.access.replacesRefreshToken = old.token;
    return issued as Required<typeof issued>;
  }

  /** The record for a token usable right now on `shop`, marking it used. */
  use(token: string, shop: string, now = Date.now()): AccessTokenRecord | undefined {
    const record = this.find(token, shop, now);
    if (!record) return undefined;
    issuedBy.set(record, this);
    if (record.replacesRefreshToken) {
      this.refresh.delete(record.replacesRefreshToken);
      delete record.replacesRefreshToken;
    }
    return record;
  }

  /** The record for a token currently valid on `shop`, without marking it used. */
  find(token: string, shop: string, now = Date.now()): AccessTokenRecord | undefined {
    const record = this.access.get(token);
    if (!record || record.shop !== shop) return undefined;
    if (record.expiresAt !== undefined && record.expiresAt <= now) return undefined;
    return record;
  }

  revokeShop(shop: string, apiKey: string): void {
    for (const [k, r] of this.access) if (r.shop === shop && r.apiKey === apiKey) this.access.delete(k);
    for (const [k, r] of this.refresh) if (r.shop === shop && r.apiKey === apiKey) this.refresh.delete(k);
  }
}
