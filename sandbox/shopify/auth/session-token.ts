import { randomBytes, randomUUID } from "node:crypto";
import { signHs256, verifyHs256, type JwtClaims } from "./jwt";

// Session tokens (App Bridge id tokens) as Shopify mints them: HS256 with the app's client secret,
// valid for 60 s. https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens

export const SESSION_TOKEN_TTL_SECONDS = 60;

export interface SessionTokenClaims extends JwtClaims {
  iss: string; // https://<shop>/admin
  dest: string; // https://<shop>
  aud: string; // the app's client id (API key)
  sub: string; // staff member id
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
}

export interface App { apiKey: string; apiSecret: string }

export function mintSessionToken(app: App, shop: string, userId: string, { sid = randomBytes(16).toString("hex"), now = Date.now() } = {}): string {
  const iat = Math.floor(now / 1000);
  const claims: SessionTokenClaims = {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: app.apiKey,
    sub: userId,
    exp: iat + SESSION_TOKEN_TTL_SECONDS,
    nbf: iat,
    iat,
    jti: randomUUID(),
    sid,
  };
  return signHs256(claims, app.apiSecret);
}

export type SessionTokenCheck =
  | { ok: true; claims: SessionTokenClaims; shop: string }
  | { ok: false; reason: string };

/** Checks a token was signed for this app: signature, audience, dest/iss shape, time window. */
export function checkSessionToken(app: App, token: string, opts: { maxExpiredSeconds?: number } = {}): SessionTokenCheck {
  const verified = verifyHs256(token, app.apiSecret, opts);
  if (!verified.ok) return { ok: false, reason: verified.reason };
  const c = verified.claims as Partial<SessionTokenClaims>;
  if (c.aud !== app.apiKey) return { ok: false, reason: "wrong_audience" };
  const shop = typeof c.dest === "string" ? /^https:\/\/([a-z0-9][a-z0-9-]*\.myshopify\.com)$/.exec(c.dest)?.[1] : undefined;
  if (!shop || c.iss !== `https://${shop}/admin`) return { ok: false, reason: "bad_dest" };
  if (typeof c.sub !== "string" || typeof c.sid !== "string") return { ok: false, reason: "malformed" };
  return { ok: true, claims: c as SessionTokenClaims, shop };
}
