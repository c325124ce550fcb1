import type { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import { coded } from "../errors";

// The twin never invents data: a field without a resolver is an error that names it, so a test
// or demo that reaches past the sandbox fails where it happens instead of reading a silent null.
export function notImplemented(info: GraphQLResolveInfo, what = `${info.parentType.name}.${info.fieldName}`) {
  return coded(`${what} is not implemented in the Tessera sandbox`, "NOT_IMPLEMENTED_IN_SANDBOX", {
    typeName: info.parentType.name,
    fieldName: info.fieldName,
  });
}

/** Default field resolver: own properties of the source object only, functions called like root fields. */
export const implementedFieldsOnly: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source !== null && typeof source === "object" && Object.hasOwn(source, info.fieldName)) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === "function" ? value(args, context, info) : value;
  }
  throw notImplemented(info);
};
