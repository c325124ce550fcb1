import type { GraphQLResolveInfo } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { coded } from "../admin-graphql/errors";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { isoSeconds, sandboxOrigin, simulatedDelays } from "../platform/app-identity";
import type { ShopifyState } from "../state";
import { filesStore, removeFile, saveFile, type FileRecord } from "./files-store";
import { externalVideoUrls } from "../catalog/resolvers/media-node";
import { imageInfo } from "./image-size";
import { stagedUploadFor } from "./staged-uploads";

// fileCreate / fileUpdate / fileDelete / files. A created file answers UPLOADED, reads show PROCESSING
// until the simulated processing time has passed, then READY (or FAILED with fileErrors).
// Evidence: files-upload-live-capture.json, media-file-create-*.json, media-file-user-error-aggregation.json,
// media-file-update-mixed-batch-partial-success.json, media-file-delete-typed-gid-roundtrip.json.

export const FILE_CREATE_LIMIT = 250;
const ALT_LIMIT = 512;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|heic|avif|svg|tiff?|bmp)$/i;
const VIDEO_EXT = /\.(mp4|mov|webm|m4v)$/i;

interface CreateInput { originalSource: string; filename?: string | null; contentType?: string | null; alt?: string | null; duplicateResolutionMode?: string | null }
type FilesUserError = { field: string[]; message: string; code: string };

const extension = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? "";
const sourceName = (source: string) => decodeURIComponent(source.split(/[?#]/)[0]!.split("/").pop() ?? "");

export function fileCreate(args: { files: CreateInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.files.length > FILE_CREATE_LIMIT) {
    throw coded(`The input array size of ${args.files.length} is greater than the maximum allowed of ${FILE_CREATE_LIMIT}.`, "MAX_INPUT_SIZE_EXCEEDED");
  }
  for (const f of args.files) {
    // Resolver-level argument errors: data.fileCreate null plus a top-level error (captured).
    if (f.originalSource.length < 1) throw coded("originalSource is too short (minimum is 1)", "INVALID_FIELD_ARGUMENTS");
    if (f.originalSource.length > 2048) throw coded("originalSource is too long (maximum is 2048)", "INVALID_FIELD_ARGUMENTS");
  }
  const errors: FilesUserError[] = [];
  const kinds = args.files.map((f, i) => {
    const at = (field: string) => ["files", String(i), field];
    const staged = stagedUploadFor(ctx.state, f.originalSource);
    if (!staged && !/^https?:\/\/[^/\s]+/i.test(f.originalSource)) return void errors.push({ field: at("originalSource"), message: "File URL is invalid", code: "INVALID_IMAGE_SOURCE_URL" });
    const name = staged?.filename ?? sourceName(f.originalSource);
    if (f.filename && extension(f.filename) !== extension(name)) {
      return void errors.push({ field: at("filename"), message: "Provided filename extension must match original source.", code: "MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE" });
    }
    if (f.duplicateResolutionMode === "REPLACE") {
      if (!f.contentType) return void errors.push({ field: at("duplicateResolutionMode"), message: "Duplicate resolution mode 'REPLACE' is not supported for 'MISSING' media type.", code: "INVALID_DUPLICATE_MODE_FOR_TYPE" });
      if (!f.filename) return void errors.push({ field: at("filename"), message: "Missing filename argument when attempting to use REPLACE duplicate mode.", code: "MISSING_FILENAME_FOR_DUPLICATE_MODE_REPLACE" });
    }
    if ((f.alt ?? "").length > ALT_LIMIT) return void errors.push({ field: at("alt"), message: `The alt value exceeds the maximum limit of ${ALT_LIMIT} characters.`, code: "ALT_VALUE_LIMIT_EXCEEDED" });
    // Without contentType Shopify infers image/video from the name; everything else is a GenericFile.
    const type = f.contentType ?? (IMAGE_EXT.test(name) ? "IMAGE" : VIDEO_EXT.test(name) ? "VIDEO" : "FILE");
    // External videos are YouTube/Vimeo embeds (media-file-update-validation-branches.json setup.videoCreate);
    // Shopify's answer for another host was not captured.
    if (type === "EXTERNAL_VIDEO" && !externalVideoUrls(f.originalSource).host) throw notImplemented(info, "fileCreate of an external video not hosted on YouTube or Vimeo");
    if (type !== "IMAGE" && type !== "FILE" && type !== "EXTERNAL_VIDEO") throw notImplemented(info, `fileCreate with contentType ${type}`);
    const typename = type === "IMAGE" ? ("MediaImage" as const) : type === "FILE" ? ("GenericFile" as const) : ("ExternalVideo" as const);
    return { typename, name: f.filename ?? name };
  });
  if (errors.length) return { files: [], userErrors: errors };

  const now = isoSeconds();
  const delay = simulatedDelays(ctx.state).fileProcessingMs;
  const created = args.files.map((f, i) => {
    const record: FileRecord = {
      id: ctx.state.nextId(), shop: ctx.shop.domain, typename: kinds[i]!.typename, alt: f.alt ?? "", filename: kinds[i]!.name,
      originalSource: f.originalSource, createdAt: now, updatedAt: now, readyAt: Date.now() + delay, outcome: null,
    };
    saveFile(ctx.state, record);
    return record;
  });
  return { files: created.map((r) => fileNode(ctx.state, r, "UPLOADED")), userErrors: [] };
}

/** Finishes simulated processing once its time has come: READY with real dimensions, or FAILED. */
function settle(state: ShopifyState, f: FileRecord): "UPLOADED" | "PROCESSING" | "READY" | "FAILED" {
  // An external video is an embed: nothing to download; it stays UPLOADED until READY, like product
  // media's external videos (catalog/resolvers/media-node.ts).
  if (f.typename === "ExternalVideo") return Date.now() < f.readyAt ? "UPLOADED" : "READY";
  if (f.outcome) return f.outcome.status;
  if (Date.now() < f.readyAt) return "PROCESSING";
  const staged = stagedUploadFor(state, f.originalSource);
  const bytes = staged?.bytes;
  const image = f.typename === "MediaImage";
  if (!bytes) {
    // The twin is offline: only bytes uploaded to one of its staged targets can be processed.
    f.outcome = {
      status: "FAILED",
      code: image ? "IMAGE_DOWNLOAD_FAILURE" : "GENERIC_FILE_DOWNLOAD_FAILURE",
      message: image ? "File could not be processed because the image could not be downloaded." : "File could not be processed because the source could not be downloaded.",
      details: staged ? "Nothing was uploaded to the staged target." : `The Tessera sandbox is offline and cannot fetch ${f.originalSource}; upload through stagedUploadsCreate.`,
    };
  } else if (image) {
    const info = imageInfo(bytes);
    f.outcome = info
      ? { status: "READY", mimeType: info.mimeType, size: bytes.length, width: info.width, height: info.height, bytes }
      : { status: "FAILED", code: "UNSUPPORTED_IMAGE_FILE_TYPE", message: "File could not be created because the image is an unsupported file type.", details: null };
  } else {
    f.outcome = { status: "READY", mimeType: staged!.mimeType, size: bytes.length, bytes };
  }
  f.updatedAt = isoSeconds();
  return f.outcome.status;
}

/** Public URL of a READY file, served by the sandbox like Shopify's CDN (…/s/files/1/<shop>/files/<name>?v=…). */
export function cdnUrl(state: ShopifyState, f: FileRecord, shopId: number): string {
  return `${sandboxOrigin(state)}/cdn/shopify/s/files/1/${shopId}/files/${encodeURIComponent(f.filename)}?v=${f.id}`;
}

function fileNode(state: ShopifyState, f: FileRecord, forced?: "UPLOADED") {
  const status = forced ?? settle(state, f);
  const ready = status === "READY" && f.outcome?.status === "READY" ? f.outcome : undefined;
  const url = ready ? cdnUrl(state, f, state.shops.get(f.shop)?.id ?? 0) : null;
  const image = ready && url ? {
    __typename: "Image", id: gid("ImageSource", f.id), url: () => url, originalSrc: url, src: url, transformedSrc: () => url,
    width: ready.width ?? null, height: ready.height ?? null, altText: f.alt || null,
  } : null;
  const base = {
    __typename: f.typename,
    id: gid(f.typename, f.id),
    alt: f.alt,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    fileStatus: status,
    fileErrors: f.outcome?.status === "FAILED" && status === "FAILED"
      ? [{ __typename: "FileError", code: f.outcome.code, message: f.outcome.message, details: f.outcome.details }] : [],
    preview: { __typename: "MediaPreviewImage", image, status: status === "READY" ? "READY" : status === "FAILED" ? "FAILED" : status === "UPLOADED" ? "UPLOADED" : "PROCESSING" },
    mimeType: ready?.mimeType ?? null,
  };
  if (f.typename === "GenericFile") return { ...base, url, originalFileSize: ready?.size ?? null };
  if (f.typename === "ExternalVideo") {
    const { preview, mimeType: _none, ...rest } = base;
    return {
      ...rest, mediaContentType: "EXTERNAL_VIDEO", status: preview.status, mediaErrors: [], mediaWarnings: [], ...externalVideoUrls(f.originalSource),
      // No capture shows a READY external video's preview; it is left out so selecting it fails loudly.
      ...(status === "READY" ? {} : { preview }),
    };
  }
  return {
    ...base, image, mediaContentType: "IMAGE", status: base.preview.status, mediaErrors: [], mediaWarnings: [],
    originalSource: ready ? { __typename: "MediaImageOriginalSource", fileSize: ready.size, url } : null,
  };
}

const numericId = (id: string) => Number(/^gid:\/\/shopify\/[A-Za-z0-9]+\/(\d+)$/.exec(id)?.[1]);
const own = (ctx: AdminContext, id: string) => {
  const f = filesStore(ctx.state).files.get(numericId(id));
  return f && f.shop === ctx.shop.domain ? f : undefined;
};

export function fileDelete(args: { fileIds: string[] }, ctx: AdminContext) {
  const missing = args.fileIds.filter((id) => !own(ctx, id));
  if (missing.length) {
    return { deletedFileIds: null, userErrors: [{ field: ["fileIds"], message: `File ids ${missing.join(",")} do not exist.`, code: "FILE_DOES_NOT_EXIST" }] };
  }
  // The numeric id decides; the typed gid returned is the file's real one (typed-gid-roundtrip capture).
  const deleted = args.fileIds.map((id) => {
    const f = own(ctx, id)!;
    removeFile(ctx.state, f);
    return gid(f.typename, f.id);
  });
  return { deletedFileIds: deleted, userErrors: [] };
}

interface UpdateInput { id: string; alt?: string | null; filename?: string | null; originalSource?: string | null; previewImageSource?: string | null; referencesToAdd?: string[] | null; referencesToRemove?: string[] | null }

export function fileUpdate(args: { files: UpdateInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  const missing = args.files.filter((f) => !own(ctx, f.id)).map((f) => f.id);
  // One id: "File id [\"gid…\"] does not exist." (file-update-missing-id-coercion.json); several: "File ids [...] do not exist."
  const list = JSON.stringify(missing).replace(/","/g, "\", \"");
  if (missing.length) return { files: [], userErrors: [{ field: ["files"], message: missing.length === 1 ? `File id ${list} does not exist.` : `File ids ${list} do not exist.`, code: "FILE_DOES_NOT_EXIST" }] };
  if (args.files.some((f) => settle(ctx.state, own(ctx, f.id)!) !== "READY")) {
    return { files: [], userErrors: [{ field: ["files"], message: "Non-ready files cannot be updated.", code: "NON_READY_STATE" }] };
  }
  // Renaming an external video fails the whole batch with one error, however many rows ask for it
  // (media-file-update-filename-extension-aggregation.json multiExternalVideoFilename). Where this
  // sits relative to the NON_READY check is not captured (the captures' videos were READY).
  if (args.files.some((f) => f.filename != null && own(ctx, f.id)!.typename === "ExternalVideo")) {
    return { files: [], userErrors: [{ field: ["files"], message: "Updating the filename is only supported on images and generic files", code: "UNSUPPORTED_MEDIA_TYPE_FOR_FILENAME_UPDATE" }] };
  }
  const errors: FilesUserError[] = [];
  const updated: FileRecord[] = [];
  args.files.forEach((input, i) => {
    if (input.originalSource && own(ctx, input.id)!.typename === "ExternalVideo") {
      // media-file-update-validation-branches.json videoOriginalSource
      return void errors.push({ field: ["files", String(i), "originalSource"], message: "Updating the original source is not supported for this media type.", code: "INVALID" });
    }
    if (input.originalSource || input.previewImageSource || input.referencesToAdd || input.referencesToRemove) {
      throw notImplemented(info, "fileUpdate of sources or references");
    }
    const f = own(ctx, input.id)!;
    // Partial success: a bad row is reported by index, the good rows are still updated (captured).
    if (input.alt != null && input.alt.length > ALT_LIMIT) return void errors.push({ field: ["files", String(i), "alt"], message: `The alt value exceeds the maximum limit of ${ALT_LIMIT} characters.`, code: "ALT_VALUE_LIMIT_EXCEEDED" });
    if (input.filename != null && extension(input.filename) !== extension(f.filename)) {
      return void errors.push({ field: ["files", String(i), "filename"], message: "The filename extension provided must match the original filename.", code: "INVALID_FILENAME_EXTENSION" });
    }
    if (input.alt != null) f.alt = input.alt;
    if (input.filename != null) f.filename = input.filename;
    f.updatedAt = isoSeconds();
    updated.push(f);
  });
  return { files: updated.map((f) => fileNode(ctx.state, f)), userErrors: errors };
}

// fileAcknowledgeUpdateFailed (file-acknowledge-update-failed-parity.json, media-file-user-error-aggregation.json,
// media-file-acknowledge-update-failed-semantics.json): unknown ids first (only the first is named), then
// non-READY files (all named); otherwise the READY files come back unchanged.
export function fileAcknowledgeUpdateFailed(args: { fileIds: string[] }, ctx: AdminContext) {
  const fail = (message: string, code: string) => ({ files: null, userErrors: [{ field: ["fileIds"], message, code }] });
  const missing = args.fileIds.find((id) => !own(ctx, id));
  if (missing) return fail(`File id ${missing} does not exist.`, "FILE_DOES_NOT_EXIST");
  const nonReady = args.fileIds.filter((id) => settle(ctx.state, own(ctx, id)!) !== "READY");
  if (nonReady.length === 1) return fail(`File with id ${nonReady[0]} is not in the READY state.`, "NON_READY_STATE");
  if (nonReady.length) return fail(`Files with ids ${nonReady.join(", ")} are not in the READY state.`, "NON_READY_STATE");
  return { files: args.fileIds.map((id) => fileNode(ctx.state, own(ctx, id)!)), userErrors: [] };
}

interface FilesArgs extends ConnectionArgs { query?: string | null; sortKey?: string | null; savedSearchId?: string | null }

export function files(args: FilesArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.savedSearchId) throw notImplemented(info, "files(savedSearchId:)");
  let rows = [...filesStore(ctx.state).files.values()].filter((f) => f.shop === ctx.shop.domain);
  for (const term of (args.query ?? "").split(/\s+/).filter(Boolean)) {
    const m = /^(media_type|status|filename|id):(.+)$/.exec(term);
    if (!m) throw notImplemented(info, `files(query: "${args.query}")`);
    const value = m[2]!.replace(/^"|"$/g, "");
    rows = rows.filter((f) => {
      if (m[1] === "media_type") return (f.typename === "MediaImage" ? "IMAGE" : f.typename === "ExternalVideo" ? "EXTERNAL_VIDEO" : "GENERIC_FILE") === value.toUpperCase();
      if (m[1] === "status") return settle(ctx.state, f) === value.toUpperCase();
      if (m[1] === "filename") return f.filename.toLowerCase().includes(value.toLowerCase().replace(/\*/g, ""));
      return String(f.id) === value;
    });
  }
  const sortKey = args.sortKey ?? "ID";
  if (sortKey === "CREATED_AT" || sortKey === "UPDATED_AT") {
    const key = sortKey === "CREATED_AT" ? "createdAt" : "updatedAt";
    rows.sort((a, b) => a[key].localeCompare(b[key]) || a.id - b.id);
  } else if (sortKey === "FILENAME") rows.sort((a, b) => a.filename.localeCompare(b.filename) || a.id - b.id);
  else if (sortKey === "ID") rows.sort((a, b) => a.id - b.id);
  else throw notImplemented(info, `files(sortKey: ${sortKey})`);
  return connection(rows.map((f) => fileNode(ctx.state, f)), args, (n) => n.id);
}

// QueryRoot.fileSavedSearches (files-upload-live-capture.json readAfterCreate: an empty connection).
// The twin implements no savedSearchCreate, so a shop never has a saved search for files.
export function fileSavedSearches(args: ConnectionArgs) {
  return connection([] as { id: string }[], args, (n) => n.id);
}

/** Bytes of a READY file for the sandbox CDN route (undefined if none). */
export function fileBytes(state: ShopifyState, id: number): { bytes: Buffer; mimeType: string } | undefined {
  const f = filesStore(state).files.get(id);
  return f && f.outcome?.status === "READY" ? { bytes: f.outcome.bytes, mimeType: f.outcome.mimeType } : undefined;
}
