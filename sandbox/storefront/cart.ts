import { randomBytes } from "node:crypto";
import type { OrderRecord } from "../shopify/catalog/types";
import type { CartLineInput } from "../pixels/payloads";

// Carts and checkouts of the sandbox storefront, in memory. A cart is found by the `cart` cookie
// (as on Shopify); a checkout by the token in /checkouts/cn/<token>.

export interface Cart { token: string; shop: string; lines: CartLineInput[]; attributes: Record<string, string> }

export interface Checkout {
  token: string;
  shop: string;
  cartToken: string;
  lines: CartLineInput[];
  email: string | null;
  countryCode: string | null;
  order: OrderRecord | null;
  customerIsFirstOrder: boolean | null;
  /** checkout_completed is published once per checkout, never again on reload. */
  completedPublished: boolean;
  landingSite: string | null;
  referringSite: string | null;
}

export const MAX_LINE_QUANTITY = 1000;

export class StorefrontCarts {
  private carts = new Map<string, Cart>();
  private checkouts = new Map<string, Checkout>();

  cart(shop: string, token: string | undefined): Cart | undefined {
    const cart = token ? this.carts.get(token) : undefined;
    return cart && cart.shop === shop ? cart : undefined;
  }

  createCart(shop: string): Cart {
    const cart: Cart = { token: `c1-${randomBytes(16).toString("hex")}`, shop, lines: [], attributes: {} };
    this.carts.set(cart.token, cart);
    return cart;
  }

  /** Adds to an existing line of the same variant, like /cart/add.js. Returns the line. */
  add(cart: Cart, variantGid: string, quantity: number): CartLineInput {
    let line = cart.lines.find((l) => l.variantGid === variantGid);
    if (!line) cart.lines.push((line = { variantGid, quantity: 0 }));
    line.quantity = Math.min(MAX_LINE_QUANTITY, line.quantity + quantity);
    return line;
  }

  startCheckout(cart: Cart, visit: { landingSite: string | null; referringSite: string | null }): Checkout {
    const checkout: Checkout = {
      token: randomBytes(16).toString("hex"),
      shop: cart.shop,
      cartToken: cart.token,
      lines: cart.lines.map((l) => ({ ...l })),
      email: null,
      countryCode: null,
      order: null,
      customerIsFirstOrder: null,
      completedPublished: false,
      ...visit,
    };
    this.checkouts.set(checkout.token, checkout);
    return checkout;
  }

  checkout(shop: string, token: string): Checkout | undefined {
    const c = this.checkouts.get(token);
    return c && c.shop === shop ? c : undefined;
  }

  /** A completed checkout empties its cart. */
  clearCart(token: string): void {
    const cart = this.carts.get(token);
    if (cart) cart.lines = [];
  }
}
