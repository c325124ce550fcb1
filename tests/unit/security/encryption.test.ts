import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  keyIdOf,
  parseKeyRing,
  SecretDecryptionError,
} from "~/modules/security/encryption.server";

const key = () => crypto.randomBytes(32).toString("base64");

describe("token encryption at rest", () => {
  it("round-trips and never contains the plaintext", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const token = "shpat_0123456789abcdef";
    const sealed = encryptSecret(token, ring);
    expect(sealed).not.toContain(token);
    expect(sealed.startsWith("v1:k1:")).toBe(true);
    expect(decryptSecret(sealed, ring)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    expect(encryptSecret("same", ring)).not.toBe(encryptSecret("same", ring));
  });

  it("rejects tampered ciphertext", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const parts = encryptSecret("secret", ring).split(":");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 0xff;
    parts[4] = body.toString("base64url");
    expect(() => decryptSecret(parts.join(":"), ring)).toThrow(SecretDecryptionError);
  });

  it("rotates: a new first key encrypts, the old key still decrypts", () => {
    const oldKey = key();
    const before = parseKeyRing(`old:${oldKey}`);
    const sealedOld = encryptSecret("token", before);
    const after = parseKeyRing(`new:${key()},old:${oldKey}`);
    expect(decryptSecret(sealedOld, after)).toBe("token");
    expect(keyIdOf(encryptSecret("token", after))).toBe("new");
    const withoutOld = parseKeyRing(`new:${key()}`);
    expect(() => decryptSecret(sealedOld, withoutOld)).toThrow(/No encryption key "old"/);
  });

  it("refuses malformed key specs", () => {
    expect(() => parseKeyRing("")).toThrow(/empty/);
    expect(() => parseKeyRing("nokey")).toThrow(/id:base64key/);
    expect(() => parseKeyRing(`k1:${Buffer.alloc(16).toString("base64")}`)).toThrow(/32 bytes/);
  });
});
