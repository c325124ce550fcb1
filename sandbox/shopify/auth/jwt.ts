import { createHmac, timingSafeEqual } from "node:crypto";

// HS256 JWTs with node:crypto only: session tokens are HMAC-SHA256 with the app's client secret,
// exactly what @shopify/shopify-api verifies (jose, HS256, 10 s clock tolerance).

export type JwtClaims = Record<string, unknown> & { exp?: number; nbf?: number };

const b64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");

export function signHs256(claims: JwtClaims, secret: string): string {
  const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

export type VerifyResult =
  | { ok: true; claims: JwtClaims }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" | "not_yet_valid" };

/** Verifies signature and time claims. `maxExpiredSeconds` lets expired tokens through for that long. */
export function verifyHs256(token: string, secret: string, { maxExpiredSeconds = 0, toleranceSeconds = 10, now = Date.now() } = {}): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const [head, body, sig] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: JwtClaims;
  try {
    header = JSON.parse(Buffer.from(head, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (header.alg !== "HS256" || typeof claims !== "object" || claims === null) return { ok: false, reason: "malformed" };
  const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  const nowSec = Math.floor(now / 1000);
  if (typeof claims.exp === "number" && nowSec > claims.exp + toleranceSeconds + maxExpiredSeconds) return { ok: false, reason: "expired" };
  if (typeof claims.nbf === "number" && nowSec + toleranceSeconds < claims.nbf) return { ok: false, reason: "not_yet_valid" };
  return { ok: true, claims };
}
