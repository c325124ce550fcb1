// `npm run secrets:rotate`: after prepending a new key to TESSERA_ENCRYPTION_KEYS, re-encrypt every
// stored token under it; then the old key can be removed from the list.
import { closeDatabase, checkEnvironment } from "../app/server-runtime.server";
import { db } from "../app/db.server";
import { appKeyRing } from "../app/modules/security/encryption.server";
import { reencryptStoredSecrets } from "../app/modules/security/rotate-keys.server";

checkEnvironment();
const ring = appKeyRing();
const result = await reencryptStoredSecrets(await db(), ring);
console.log(`Re-encrypted ${result.rewritten} session(s) across ${result.shops} shop(s) under key "${ring.current.id}".`);
await closeDatabase();
