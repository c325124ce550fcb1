import crypto from "node:crypto";

// AES-256-GCM for tokens at rest. Keys come from TESSERA_ENCRYPTION_KEYS = "id:base64key[,id:base64key…]";
// the first key encrypts, every listed key decrypts, so rotation is: prepend a new key, run
// `npm run secrets:rotate`, then drop the old key (docs/operations.md).
const FORMAT = "v1";

export type KeyRing = { current: { id: string; key: Buffer }; all: Map<string, Buffer> };

export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

export function parseKeyRing(spec: string): KeyRing {
  const entries = spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const sep = entry.indexOf(":");
      if (sep <= 0) throw new Error("TESSERA_ENCRYPTION_KEYS entries must look like id:base64key");
      const id = entry.slice(0, sep);
      const key = Buffer.from(entry.slice(sep + 1), "base64");
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`Encryption key id "${id}" must be 1-32 of [A-Za-z0-9_-]`);
      if (key.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes (base64), got ${key.length}`);
      return [id, key] as const;
    });
  const first = entries[0];
  if (!first) throw new Error("TESSERA_ENCRYPTION_KEYS is empty");
  return { current: { id: first[0], key: first[1] }, all: new Map(entries) };
}

/** A fixed, clearly non-secret key ring for local mode and tests only (refused in production by env parsing). */
export function developmentKeyRing(): KeyRing {
  const key = crypto.createHash("sha256").update("tessera-development-only-key").digest();
  return { current: { id: "dev", key }, all: new Map([["dev", key]]) };
}

export function encryptSecret(plaintext: string, ring: KeyRing): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.from(`${FORMAT}:${ring.current.id}`));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, ring.current.id, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(":");
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(`${FORMAT}:`) && value.split(":").length === 5;
}

export function decryptSecret(ciphertext: string, ring: KeyRing): string {
  const parts = ciphertext.split(":");
  if (parts.length !== 5 || parts[0] !== FORMAT) throw new SecretDecryptionError("Value is not a Tessera ciphertext");
  const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
  const key = ring.all.get(keyId);
  if (!key) throw new SecretDecryptionError(`No encryption key "${keyId}" in TESSERA_ENCRYPTION_KEYS`);
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`${FORMAT}:${keyId}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(`Ciphertext failed authentication with key "${keyId}"`);
  }
}

/** The ciphertext's key id, so rotation can find values still under an old key. */
export function keyIdOf(ciphertext: string): string | undefined {
  return isEncrypted(ciphertext) ? ciphertext.split(":")[1] : undefined;
}

let ring: KeyRing | undefined;
export function appKeyRing(): KeyRing {
  ring ??= process.env.TESSERA_ENCRYPTION_KEYS
    ? parseKeyRing(process.env.TESSERA_ENCRYPTION_KEYS)
    : developmentKeyRing();
  return ring;
}
