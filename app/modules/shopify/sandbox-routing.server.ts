import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from "undici";

// Local mode is pure network configuration: the app keeps calling https://<shop>.myshopify.com/...
// exactly as in production, and this dispatcher delivers those requests to the sandbox twin.
// Node's global fetch (which @shopify/shopify-api uses) reads the same global dispatcher symbol
// that npm undici's setGlobalDispatcher writes, so nothing else in the app changes.

const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;

export interface SandboxRoutingEnv {
  SHOPIFY_SANDBOX_ORIGIN?: string;
  NODE_ENV: string;
}

export interface SandboxRouting {
  origin: string;
  /** Puts back the dispatcher that was active before (tests). */
  restore(): void;
}

let active: SandboxRouting | undefined;

export function routeShopifyToSandbox(env: SandboxRoutingEnv): SandboxRouting | undefined {
  if (!env.SHOPIFY_SANDBOX_ORIGIN) return undefined;
  if (env.NODE_ENV === "production") {
    throw new Error("SHOPIFY_SANDBOX_ORIGIN is set while NODE_ENV=production: refusing to route Shopify traffic to a sandbox.");
  }
  const sandbox = new URL(env.SHOPIFY_SANDBOX_ORIGIN);
  if (sandbox.pathname !== "/" || sandbox.search) {
    throw new Error(`SHOPIFY_SANDBOX_ORIGIN must be an origin without a path, got ${env.SHOPIFY_SANDBOX_ORIGIN}`);
  }
  active?.restore();

  const previous = getGlobalDispatcher();
  const agent = new Agent();
  const dispatcher = agent.compose((dispatch) => (opts, handler) => {
    const target = shopHostOf(opts.origin);
    if (!target) return dispatch(opts, handler);
    return dispatch({ ...opts, origin: sandbox.origin, headers: withHost(opts.headers, target) }, handler);
  });
  setGlobalDispatcher(dispatcher);

  const routing: SandboxRouting = {
    origin: sandbox.origin,
    restore() {
      if (active !== routing) return;
      setGlobalDispatcher(previous);
      active = undefined;
      void agent.close();
    },
  };
  active = routing;
  return routing;
}

/** The shop domain when `origin` is https://<shop>.myshopify.com (default port), else undefined. */
function shopHostOf(origin: Dispatcher.DispatchOptions["origin"]): string | undefined {
  if (!origin) return undefined;
  const url = typeof origin === "string" ? new URL(origin) : origin;
  if (url.protocol !== "https:" || (url.port && url.port !== "443")) return undefined;
  return SHOP_HOST.test(url.hostname) ? url.hostname.toLowerCase() : undefined;
}

// Dispatch headers arrive as a record, a flat [k, v, k, v] array or an iterable of pairs
// depending on the caller (Node's fetch uses a record); keep them all and replace Host.
function withHost(headers: Dispatcher.DispatchOptions["headers"], host: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const put = (key: string, value: unknown) => {
    if (key.toLowerCase() === "host" || value === undefined || value === null) return;
    out[key] = Array.isArray(value) ? value.map(String) : String(value);
  };
  if (Array.isArray(headers)) {
    if (headers.length && Array.isArray(headers[0])) {
      for (const [k, v] of headers as unknown as Array<[string, string]>) put(k, v);
    } else {
      for (let i = 0; i + 1 < headers.length; i += 2) put(String(headers[i]), headers[i + 1]);
    }
  } else if (headers && typeof (headers as Iterable<unknown>)[Symbol.iterator] === "function") {
    for (const [k, v] of headers as Iterable<[string, string]>) put(k, v);
  } else if (headers) {
    for (const [k, v] of Object.entries(headers)) put(k, v);
  }
  out.host = host;
  return out;
}
