import { MAX_AVAILABLE, ThrottleBucket } from "./shopify/admin-graphql/cost";
import { mulberry32 } from "./shopify/seed/prng";

// Fault injection for the twin, switchable per run: SANDBOX_FAULTS="latency=200,5xx=0.1,throttle=0.05,drop-webhooks=0.2,seed=7"
// (or startSandbox({ faults })), and per request with the X-Sandbox-Faults header (same syntax,
// overrides the run's values for that request only). Only the sandbox reads this; the app never
// sees it except as slow, failing or throttled responses and missing webhooks, as from Shopify.

export interface FaultSpec {
  /** Added delay in ms before every Admin API / storefront response (jittered ±25 %). */
  latencyMs: number;
  /** Probability that an Admin API request answers with HTTP 5xx instead of running. */
  serverErrorRate: number;
  /** Probability that an Admin GraphQL request answers THROTTLED as if the cost bucket were empty. */
  throttleRate: number;
  /** Probability that a webhook delivery is lost: never sent, never retried (Shopify does not guarantee delivery). */
  dropWebhookRate: number;
  /** Seed for reproducible runs; undefined = Math.random. */
  seed?: number;
}

export const NO_FAULTS: FaultSpec = { latencyMs: 0, serverErrorRate: 0, throttleRate: 0, dropWebhookRate: 0 };

export const FAULTS_HEADER = "x-sandbox-faults";

const KEYS: Record<string, keyof FaultSpec> = {
  latency: "latencyMs",
  "5xx": "serverErrorRate",
  throttle: "throttleRate",
  "drop-webhooks": "dropWebhookRate",
  seed: "seed",
};

/** Parses "latency=200,5xx=0.1"; unknown keys and out-of-range values throw (a typo must not silently mean "no faults"). */
export function parseFaults(text: string | undefined, base: FaultSpec = NO_FAULTS): FaultSpec {
  const spec: FaultSpec = { ...base };
  for (const part of (text ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
    const [rawKey, rawValue] = part.split("=", 2).map((s) => s?.trim());
    const key = KEYS[rawKey ?? ""];
    const value = Number(rawValue);
    if (!key) throw new Error(`SANDBOX_FAULTS: unknown fault "${rawKey}" (known: ${Object.keys(KEYS).join(", ")})`);
    if (rawValue === undefined || rawValue === "" || !Number.isFinite(value) || value < 0) throw new Error(`SANDBOX_FAULTS: ${rawKey} needs a non-negative number, got "${rawValue}"`);
    if (key !== "latencyMs" && key !== "seed" && value > 1) throw new Error(`SANDBOX_FAULTS: ${rawKey} is a probability (0..1), got ${value}`);
    spec[key] = value;
  }
  return spec;
}

/** Seeded PRNG so a failing fault run can be replayed with the same seed. */
function random(seed: number | undefined): () => number {
  return seed === undefined ? Math.random : mulberry32(seed);
}

export class Faults {
  private spec: FaultSpec;
  private rand: () => number;

  constructor(spec: FaultSpec = NO_FAULTS) {
    this.spec = spec;
    this.rand = random(spec.seed);
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): Faults {
    return new Faults(parseFaults(env.SANDBOX_FAULTS));
  }

  get current(): FaultSpec {
    return { ...this.spec };
  }

  set(spec: FaultSpec | string): void {
    this.spec = typeof spec === "string" ? parseFaults(spec) : spec;
    this.rand = random(this.spec.seed);
  }

  /** The faults for one request: the run's, overridden by the request's X-Sandbox-Faults header. */
  forRequest(header: string | string[] | undefined): RequestFaults {
    const text = Array.isArray(header) ? header.join(",") : header;
    const spec = text ? parseFaults(text, this.spec) : this.spec;
    return new RequestFaults(spec, text && spec.seed !== this.spec.seed ? random(spec.seed) : this.rand);
  }

  dropWebhook(): boolean {
    return this.spec.dropWebhookRate > 0 && this.rand() < this.spec.dropWebhookRate;
  }
}

export class RequestFaults {
  constructor(readonly spec: FaultSpec, private readonly rand: () => number) {}

  async delay(): Promise<void> {
    if (this.spec.latencyMs <= 0) return;
    const ms = this.spec.latencyMs * (0.75 + this.rand() * 0.5);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  serverError(): number | undefined {
    if (this.spec.serverErrorRate <= 0 || this.rand() >= this.spec.serverErrorRate) return undefined;
    // The statuses Shopify's edge answers with during incidents; apps must retry all three.
    return [500, 502, 503][Math.floor(this.rand() * 3)]!;
  }

  throttle(): boolean {
    return this.spec.throttleRate > 0 && this.rand() < this.spec.throttleRate;
  }
}

export function serverErrorReply(status: number) {
  const text: Record<number, string> = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" };
  return { status, body: { errors: text[status] ?? "Error" }, headers: status === 503 ? { "retry-after": "1" } : undefined };
}

/** A cost bucket with nothing left: Admin GraphQL then answers THROTTLED with its real cost numbers. */
export function drainedBucket(): ThrottleBucket {
  // A frozen clock: a real one would restore a point every 10 ms and let a slow request through.
  const frozen = Date.now();
  const bucket = new ThrottleBucket(() => frozen);
  bucket.take(MAX_AVAILABLE);
  return bucket;
}
