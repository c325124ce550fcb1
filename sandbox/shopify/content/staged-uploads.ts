import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { ACCESS_DOCUMENTATION } from "../admin-graphql/access";
import type { AdminContext } from "../admin-graphql/context";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { sandboxOrigin } from "../platform/app-identity";
import type { ShopifyState } from "../state";
import { filesStore } from "./files-store";

// stagedUploadsCreate with targets on the sandbox origin instead of Google Cloud Storage, keeping
// Shopify's parameter shapes (media-staged-uploads-create-default-http-method.json, staged-upload-targets-parity,
// media-staged-uploads-create-validation.json): PUT (the default) → signed URL + content_type/acl;
// POST → bare bucket URL + Google form fields. The bytes land in files-store via http-routes.ts.

const IMAGE_RESOURCES = new Set(["IMAGE", "PRODUCT_IMAGE", "COLLECTION_IMAGE"]);
// Non-merchandising resources and their storage folders (media-staged-uploads-create-non-merchandising.json).
// Return labels are stored under a random hex name with the file's extension, as captured.
const OTHER_FOLDERS: Record<string, string> = {
  BULK_MUTATION_VARIABLES: "bulk",
  URL_REDIRECT_IMPORT: "redirect_imports",
  RETURN_LABEL: "return_labels",
  DISPUTE_FILE_UPLOAD: "payments_file_uploads",
};
const IMAGE_MIME = /^image\/(png|jpe?g|gif|webp|heic|heif|avif|svg\+xml|tiff|bmp)$/i;

interface StagedUploadInput { resource: string; filename: string; mimeType: string; httpMethod?: "PUT" | "POST" | null; fileSize?: string | null }

const emptyTarget = { __typename: "StagedMediaUploadTarget", url: null, resourceUrl: null, parameters: [] };

export function stagedUploadsCreate(args: { input: StagedUploadInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  // SHOP_IMAGE targets are refused to the app: the recording app, holding write_files, write_products,
  // write_content and most other scopes, got a bare field-level ACCESS_DENIED without any
  // "Required access" (media-staged-uploads-create-non-merchandising.json shopImageScopeBlocked), i.e. a
  // permission no access scope grants; no capture shows a SHOP_IMAGE target being issued.
  if (args.input.some((input) => input.resource === "SHOP_IMAGE")) {
    throw new GraphQLError("Access denied for stagedUploadsCreate field.", { extensions: { code: "ACCESS_DENIED", documentation: ACCESS_DOCUMENTATION } });
  }
  const userErrors: { field: string[]; message: string }[] = [];
  const stagedTargets = args.input.map((input, i) => {
    if (input.resource === "VIDEO" || input.resource === "MODEL_3D") {
      if (!input.fileSize) {
        userErrors.push({ field: ["input", String(i), "fileSize"], message: `file size is required for ${input.resource === "VIDEO" ? "video" : "3D model"} resources` });
        return emptyTarget;
      }
      return mediaTarget(ctx, input);
    }
    if (!IMAGE_RESOURCES.has(input.resource) && input.resource !== "FILE" && !OTHER_FOLDERS[input.resource]) throw notImplemented(info, `stagedUploadsCreate(resource: ${input.resource})`);
    if (IMAGE_RESOURCES.has(input.resource) && !IMAGE_MIME.test(input.mimeType)) {
      userErrors.push({ field: ["input", String(i), "mimeType"], message: `${input.filename}: (${input.mimeType}) is not a recognized format` });
      return emptyTarget;
    }
    return target(ctx, input);
  });
  return { stagedTargets, userErrors };
}

function target(ctx: AdminContext, input: StagedUploadInput) {
  const method = input.httpMethod ?? "PUT";
  const bulk = input.resource === "BULK_MUTATION_VARIABLES";
  // Bulk mutation variables go to tmp/<shop>/bulk/<uuid>/<filename>; the key is the stagedUploadPath
  // of bulkOperationRunMutation (bulk-operation-run-mutation-created-status.json).
  const folder = OTHER_FOLDERS[input.resource] ?? (method === "POST" && input.resource !== "FILE" ? "products" : "files");
  const name = input.resource === "RETURN_LABEL" ? `${randomBytes(16).toString("hex")}${/\.[A-Za-z0-9]+$/.exec(input.filename)?.[0] ?? ""}` : input.filename;
  const key = `tmp/${ctx.shop.id}/${folder}/${randomUUID()}/${name}`;
  filesStore(ctx.state).uploads.set(key, { key, shop: ctx.shop.domain, filename: input.filename, mimeType: input.mimeType, resource: input.resource, bytes: null });
  const origin = sandboxOrigin(ctx.state);
  const resourceUrl = `${origin}/staged-uploads/${key}`;
  const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, "");
  const credential = `tessera-sandbox@staged-uploads.local/${date.slice(0, 8)}/auto/storage/goog4_request`;
  const signature = signKey(key);
  if (method === "PUT") {
    const url = new URL(resourceUrl);
    for (const [k, v] of Object.entries({ "X-Goog-Algorithm": "GOOG4-RSA-SHA256", "X-Goog-Credential": credential, "X-Goog-Date": date, "X-Goog-Expires": "604800", "X-Goog-SignedHeaders": "host", "X-Goog-Signature": signature })) {
      url.searchParams.set(k, v);
    }
    return { __typename: "StagedMediaUploadTarget", url: url.toString(), resourceUrl, parameters: params({ content_type: input.mimeType, acl: "private" }) };
  }
  const policy = Buffer.from(JSON.stringify({ conditions: [{ "Content-Type": input.mimeType }, { success_action_status: "201" }, { acl: "private" }, ["content-length-range", 1, bulk ? 104_857_600 : 20_971_520], { key }], expiration: new Date(Date.now() + 86_400_000).toISOString() })).toString("base64");
  return {
    __typename: "StagedMediaUploadTarget",
    url: `${origin}/staged-uploads/`,
    // Shopify answers the bare bucket URL as resourceUrl for bulk variables and URL redirect imports
    // (the key is what counts); return labels and dispute files get the object's URL.
    resourceUrl: bulk || input.resource === "URL_REDIRECT_IMPORT" ? `${origin}/staged-uploads/` : resourceUrl,
    parameters: params({
      "Content-Type": input.mimeType, success_action_status: "201", acl: "private", key, "x-goog-date": date, "x-goog-credential": credential,
      "x-goog-algorithm": "GOOG4-RSA-SHA256", "x-goog-signature": signature, policy,
    }),
  };
}

// VIDEO and MODEL_3D go to their own buckets with Google's V2 signed form (GoogleAccessId, key,
// policy, signature; staged-upload-targets-parity.json, file-create-content-type-inference.json):
// a video's url is the bucket root and its resourceUrl the root plus ?external_video_id=<n>; a
// model's url and resourceUrl are both the object URL plus ?external_model3d_id=<base64 "model3d-<n>">.
function mediaTarget(ctx: AdminContext, input: StagedUploadInput) {
  const video = input.resource === "VIDEO";
  const ext = /\.[A-Za-z0-9]+$/.exec(input.filename)?.[0] ?? "";
  const key = video ? `c/o/v/${randomBytes(16).toString("hex")}${ext}` : `models/${randomBytes(8).toString("hex")}/${input.filename}`;
  const externalId = ctx.state.nextId();
  filesStore(ctx.state).uploads.set(key, { key, shop: ctx.shop.domain, filename: input.filename, mimeType: input.mimeType, resource: input.resource, bytes: null, externalId });
  const origin = sandboxOrigin(ctx.state);
  const bucket = `${origin}/staged-uploads`;
  const query = video ? `external_video_id=${externalId}` : `external_model3d_id=${Buffer.from(`model3d-${externalId}`).toString("base64")}`;
  const url = video ? bucket : `${bucket}/${key}?${query}`;
  const policy = Buffer.from(JSON.stringify({ conditions: [["eq", "$key", key], ["content-length-range", 1, Number(input.fileSize)]], expiration: new Date(Date.now() + 3_600_000).toISOString() })).toString("base64");
  return {
    __typename: "StagedMediaUploadTarget",
    url,
    resourceUrl: video ? `${bucket}?${query}` : url,
    parameters: params({ GoogleAccessId: "tessera-sandbox@staged-uploads.local", key, policy, signature: Buffer.from(signKey(key), "hex").toString("base64") }),
  };
}

const params = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ __typename: "StagedUploadParameter", name, value }));

export const signKey = (key: string) => createHmac("sha256", "tessera-sandbox-staged-uploads").update(key).digest("hex");

/**
 * The staged upload a `resourceUrl` points at, if it is one of the twin's: `<bucket>/<key>[?…]`, or a
 * video's `<bucket>?external_video_id=<n>`.
 */
export function stagedUploadFor(state: ShopifyState, source: string) {
  const bucket = `${sandboxOrigin(state)}/staged-uploads`;
  if (source.startsWith(`${bucket}?`)) {
    const id = new URL(source).searchParams.get("external_video_id");
    return [...filesStore(state).uploads.values()].find((u) => u.resource === "VIDEO" && u.externalId === Number(id));
  }
  if (!source.startsWith(`${bucket}/`)) return undefined;
  return filesStore(state).uploads.get(decodeURIComponent(source.slice(bucket.length + 1).split("?")[0]!));
}
