import { createHmac } from "node:crypto";

// Shopify's app proxy signature (shopify.dev "Authenticate app proxies"): take every query
// parameter except `signature`, join repeated values with ",", format each as `key=value`, sort,
// concatenate with no separator, and HMAC-SHA256 the result with the app's client secret (hex).

export function appProxyMessage(params: URLSearchParams): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  return [...grouped].map(([key, values]) => `${key}=${values.join(",")}`).sort().join("");
}

export function signAppProxyParams(params: URLSearchParams, secret: string): string {
  return createHmac("sha256", secret).update(appProxyMessage(params)).digest("hex");
}
