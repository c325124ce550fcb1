import type { GraphQLResolveInfo } from "graphql";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";

// Price lists are not modelled: the twin's shops have none, so the only answers it can give are
// the captured error paths (markets/markets-user-error-typename.json): a blank name on create, and
// "does not exist" for every price list id. Creating a real price list fails loudly.

const priceListError = (field: string[], message: string, code: string) => ({ __typename: "PriceListUserError", field, message, code });
const NOT_FOUND = () => priceListError(["id"], "Price list does not exist.", "PRICE_LIST_NOT_FOUND");

export function priceListCreate(args: { input: { name?: string | null } }, _ctx: unknown, info: GraphQLResolveInfo) {
  if (!args.input.name?.trim()) return { priceList: null, userErrors: [priceListError(["input", "name"], "Name can't be blank", "BLANK")] };
  throw notImplemented(info, "priceListCreate (price lists are not modelled)");
}

export function priceListUpdate() {
  return { priceList: null, userErrors: [NOT_FOUND()] };
}

export function priceListDelete() {
  return { deletedId: null, userErrors: [NOT_FOUND()] };
}

export function quantityRulesDelete() {
  return {
    deletedQuantityRulesVariantIds: [],
    userErrors: [{ __typename: "QuantityRuleUserError", field: ["priceListId"], message: "Price list does not exist.", code: "PRICE_LIST_DOES_NOT_EXIST" }],
  };
}
