import type { GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../admin-graphql/context";
import { coded } from "../admin-graphql/errors";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { accessDenied } from "./access";

// Online-store roots the twin answers only where Shopify's answer does not depend on data the twin
// cannot hold (online-store-salvaged-parity-recordings.json).

// Theme changes need write_themes *and* an exemption Shopify grants per app. The twin's app has no
// exemption, so every theme-modifying mutation is denied with Shopify's text (captured verbatim for
// themeCreate, themeUpdate, themeDelete, themePublish: "…to modify themes." and themeFilesUpsert:
// "…to modify theme files."; Shopify documents the same exemption for themeDuplicate, themeFilesCopy
// and themeFilesDelete, whose wording is assumed to follow the same split). A missing write_themes
// scope is reported earlier by the root-field access check (admin-graphql/access.ts).
const themeExemption = (what: string) =>
  `The user needs write_themes and an exemption from Shopify to modify ${what}.\n` +
  "            If you think that your app is eligible for an exemption and should have access to this API,\n" +
  "              then you can [submit an exception request](https://docs.google.com/forms/d/e/1FAIpQLSfZTB1vxFC5d1-GPdqYunWRGUoDcOheHQzfK2RoEFEHrknt5g/viewform).";

const denied = (what: string) => (_args: unknown, _ctx: AdminContext, info: GraphQLResolveInfo) => {
  throw accessDenied(info.fieldName, themeExemption(what));
};
const themeMutation = denied("themes");
const themeFilesMutation = denied("theme files");

// storefrontAccessTokenCreate: Shopify denied the recording app with a bare message (no
// requiredAccess). Shopify issues storefront tokens only to apps holding unauthenticated_* (Storefront
// API) scopes; that condition is inferred, not captured. With such a scope the twin cannot issue a
// token yet, so that branch stays NOT_IMPLEMENTED.
export function storefrontAccessTokenCreate(_args: unknown, ctx: AdminContext, info: GraphQLResolveInfo) {
  const granted = ctx.installation?.scopes ?? ctx.token.scope.split(",");
  if (!granted.some((s) => s.startsWith("unauthenticated_"))) {
    throw coded(`Access denied for ${info.fieldName} field.`, "ACCESS_DENIED", { documentation: "https://shopify.dev/api/usage/access-scopes" });
  }
  throw notImplemented(info);
}

// Comment moderation (comment-moderation-status-enums): the twin holds no blogs, articles or
// comments, so every Comment id is unknown: Shopify answers NOT_FOUND on ["id"]. Ids of another
// form were not captured and fail loudly.
const COMMENT_GID = /^gid:\/\/shopify\/Comment\/\d+$/;
const commentNotFound = [{ field: ["id"], message: "Comment does not exist", code: "NOT_FOUND" }];

function unknownComment(args: { id: string }, info: GraphQLResolveInfo) {
  if (!COMMENT_GID.test(args.id)) throw notImplemented(info, `${info.fieldName} with a non-Comment id`);
}

const commentModeration = (args: { id: string }, _ctx: AdminContext, info: GraphQLResolveInfo) => {
  unknownComment(args, info);
  return { comment: null, userErrors: commentNotFound };
};

export function commentDelete(args: { id: string }, _ctx: AdminContext, info: GraphQLResolveInfo) {
  unknownComment(args, info);
  return { deletedCommentId: null, userErrors: commentNotFound };
}

export const onlineStoreRootFields: Record<string, unknown> = {
  themeCreate: themeMutation,
  themeUpdate: themeMutation,
  themeDelete: themeMutation,
  themePublish: themeMutation,
  themeDuplicate: themeMutation,
  themeFilesUpsert: themeFilesMutation,
  themeFilesCopy: themeFilesMutation,
  themeFilesDelete: themeFilesMutation,
  storefrontAccessTokenCreate,
  commentApprove: commentModeration,
  commentSpam: commentModeration,
  commentNotSpam: commentModeration,
  commentDelete,
};
