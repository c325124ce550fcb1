import type { ShopifyState } from "./state";

// Things that happen in the twin shop which Shopify would announce by webhook (products/update,
// orders/create, orders/paid, app/uninstalled, …). Domains emit; the webhook dispatcher subscribes.
export type ShopEvent = { shop: string; topic: string; payload: Record<string, unknown> };
type Listener = (event: ShopEvent) => void;

const listeners = new WeakMap<ShopifyState, Set<Listener>>();

export function onShopEvent(state: ShopifyState, listener: Listener): () => void {
  let set = listeners.get(state);
  if (!set) listeners.set(state, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function emitShopEvent(state: ShopifyState, event: ShopEvent): void {
  for (const listener of listeners.get(state) ?? []) listener(event);
}
