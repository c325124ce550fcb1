import pino from "pino";

// Structured JSON logs. Tokens, secrets and customer PII are redacted wherever they appear by key.
const REDACT = [
  "accessToken", "refreshToken", "access_token", "refresh_token", "token", "secret", "password",
  "authorization", "cookie", "email", "phone", "customer", "payload.customer", "*.accessToken",
  "*.refreshToken", "*.email", "*.phone", "*.authorization", "*.customer", "headers.authorization",
  'headers["x-shopify-access-token"]', "req.headers.authorization", "req.headers.cookie",
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "tessera" },
  redact: { paths: REDACT, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
