import path from "node:path";
import { z } from "zod";

// Every environment variable the app reads, parsed once. Bad values stop start-up with a clear message.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  SHOPIFY_API_KEY: z.string().min(1).default("tessera-local-api-key"),
  SHOPIFY_API_SECRET: z.string().min(1).default("tessera-local-api-secret"),
  SHOPIFY_APP_URL: z.string().url().default("http://localhost:3000"),
  SCOPES: z.string().optional(),
  TESSERA_ENCRYPTION_KEYS: z.string().optional(),
  SHOPIFY_SANDBOX_ORIGIN: z.string().url().optional(),
  APP_BRIDGE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  TESSERA_FAULT_JOB_PAUSE_MS: z.coerce.number().int().min(0).default(0),
});

export type AppEnv = z.infer<typeof EnvSchema> & { sandbox: boolean; pgliteDataDir: string };

export function parseEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const sandbox = Boolean(env.SHOPIFY_SANDBOX_ORIGIN);
  if (env.NODE_ENV === "production") {
    if (sandbox) {
      throw new Error(
        "SHOPIFY_SANDBOX_ORIGIN is set while NODE_ENV=production: the sandbox is for local work only. Unset it to run against Shopify.",
      );
    }
    if (env.APP_BRIDGE_URL) {
      throw new Error("APP_BRIDGE_URL is set while NODE_ENV=production: embedded apps must load App Bridge from Shopify's CDN.");
    }
    if (env.TESSERA_FAULT_JOB_PAUSE_MS > 0) {
      throw new Error("TESSERA_FAULT_JOB_PAUSE_MS is a test fault and is refused when NODE_ENV=production.");
    }
    for (const key of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "TESSERA_ENCRYPTION_KEYS"] as const) {
      if (!source[key]) throw new Error(`${key} must be set when NODE_ENV=production.`);
    }
  }
  return { ...env, sandbox, pgliteDataDir: path.resolve(env.PGLITE_DATA_DIR) };
}

let cached: AppEnv | undefined;
export function appEnv(): AppEnv {
  cached ??= parseEnv();
  return cached;
}
