import type { AdminContext } from "../../admin-graphql/context";
import type { ConnectionArgs } from "../../admin-graphql/connection";
import { keysetConnection, sortBy } from "../keyset";
import { moneyV2 } from "../money";
import { catalogOf } from "../store";
import type { CustomerRecord, OrderRecord } from "../types";
import { mailingAddress, orderNode } from "./order-node";
import { metafieldFields } from "./shared";

export function customerOrders(c: CustomerRecord, ctx: AdminContext): OrderRecord[] {
  return [...catalogOf(ctx.state, ctx.shop.domain).orders.values()].filter((o) => o.customerGid === c.gid);
}

export function amountSpent(orders: OrderRecord[]): number {
  return orders.reduce((s, o) => s + (o.financialStatus === "PENDING" || o.financialStatus === "AUTHORIZED" ? 0 : Number(o.total) - Number(o.totalRefunded)), 0);
}

export function customerNode(c: CustomerRecord, ctx: AdminContext) {
  const orders = () => customerOrders(c, ctx);
  const address = mailingAddress(c.address, `gid://shopify/MailingAddress/${c.legacyId}?model_name=CustomerAddress`);
  return {
    __typename: "Customer",
    id: c.gid,
    legacyResourceId: String(c.legacyId),
    firstName: c.firstName || null,
    lastName: c.lastName || null,
    displayName: `${c.firstName} ${c.lastName}`.trim() || c.email,
    email: c.email,
    phone: null,
    defaultEmailAddress: {
      __typename: "CustomerEmailAddress",
      emailAddress: c.email,
      marketingState: c.acceptsMarketing ? "SUBSCRIBED" : "NOT_SUBSCRIBED",
      marketingOptInLevel: c.acceptsMarketing ? "SINGLE_OPT_IN" : null,
      validFormat: true,
    },
    defaultPhoneNumber: null,
    locale: c.locale,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    tags: c.tags,
    note: null,
    state: "DISABLED", // checkout customers without an account
    verifiedEmail: true,
    taxExempt: false,
    canDelete: false,
    defaultAddress: address,
    addressesV2: (args: ConnectionArgs) => keysetConnection({ items: [address], value: () => c.legacyId, id: () => c.legacyId }, args, (a) => a),
    numberOfOrders: () => String(orders().length),
    amountSpent: () => moneyV2(amountSpent(orders()), ctx.shop.currencyCode),
    lastOrder: () => {
      const last = orders().at(-1);
      return last ? orderNode(last, ctx) : null;
    },
    orders: (args: ConnectionArgs & { sortKey?: string | null }) => {
      const list = orders();
      const value = args.sortKey === "CREATED_AT" || args.sortKey === "PROCESSED_AT" ? (o: OrderRecord) => Date.parse(o.createdAt) : (o: OrderRecord) => o.legacyId;
      return keysetConnection({ items: sortBy(list, value, (o) => o.legacyId), value, id: (o) => o.legacyId }, args, (o) => orderNode(o, ctx));
    },
    ...metafieldFields(c.gid),
  };
}
