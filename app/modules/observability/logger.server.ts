import pino, { type DestinationStream } from "pino";

// Structured JSON logs. Tokens, secrets and customer PII are redacted wherever they appear by key.
const REDACT = [
  "accessToken", "refreshToken", "access_token", "refresh_token", "token", "secret", "password",
  "authorization", "cookie", "email", "phone", "customer", "payload.customer", "*.accessToken",
  "*.refreshToken", "*.access_token", "*.token", "*.secret", "*.email", "*.phone", "*.authorization",
  "*.cookie", "*.customer", 'headers["x-shopify-access-token"]', "req.headers.authorization",
  "req.headers.cookie",
];

export function createLogger(destination?: DestinationStream) {
  const options = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "tessera" },
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
export type Logger = typeof logger;
