import { GraphQLError, Kind, type GraphQLResolveInfo, type VariableNode } from "graphql";
import { gid, type AdminContext } from "../admin-graphql/context";
import { connection, type ConnectionArgs } from "../admin-graphql/connection";
import { coded } from "../admin-graphql/errors";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { isoSeconds, sandboxOrigin, simulatedDelays } from "../platform/app-identity";
import type { ShopifyState } from "../state";
import { filesStore, saveFile, type FileRecord } from "./files-store";
import { externalVideoUrls } from "../catalog/resolvers/media-node";
import {
  findProductMedia, gidNumber, productMediaFilename, productMediaFiles, productMediaNode, productMediaStatus, productMediaTypename, type ProductMediaFile,
} from "./product-media-files";
import { extensionForMime, imageInfo } from "./image-size";
import { remoteImage } from "./remote-sources";
import { stagedUploadFor } from "./staged-uploads";

// fileCreate, the files query and node(id:) for files; processing and the file nodes (fileUpdate,
// fileDelete and fileAcknowledgeUpdateFailed are in file-mutations.ts). A created file answers
// UPLOADED, reads show PROCESSING until the simulated processing time has passed, then READY (or
// FAILED with fileErrors); videos stay UPLOADED meanwhile. Product media are files too
// (product-media-files.ts). Evidence: files-upload-live-capture.json, media-file-create-*.json,
// file-create-content-type-inference.json, media-file-user-error-aggregation.json.

export const FILE_CREATE_LIMIT = 250;
export const ALT_LIMIT = 512;
export const SOURCE_LIMIT = 2048;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|heic|avif|svg|tiff?|bmp)$/i;
const VIDEO_EXT = /\.(mp4|mov|webm|m4v)$/i;

interface CreateInput { originalSource: string; filename?: string | null; contentType?: string | null; alt?: string | null; duplicateResolutionMode?: string | null }
export type FilesUserError = { field: string[]; message: string; code: string };

export const extension = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? "";
const sourceName = (source: string) => decodeURIComponent(source.split(/[?#]/)[0]!.split("/").pop() ?? "");

export function fileCreate(args: { files: CreateInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.files.length > FILE_CREATE_LIMIT) {
    throw coded(`The input array size of ${args.files.length} is greater than the maximum allowed of ${FILE_CREATE_LIMIT}.`, "MAX_INPUT_SIZE_EXCEEDED");
  }
  for (const f of args.files) {
    // Resolver-level argument errors: data.fileCreate null plus a top-level error (captured).
    if (f.originalSource.length < 1) throw argumentError(info, "files", "originalSource is too short (minimum is 1)");
    if (f.originalSource.length > SOURCE_LIMIT) throw argumentError(info, "files", `originalSource is too long (maximum is ${SOURCE_LIMIT})`);
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
    if (type !== "IMAGE" && type !== "FILE" && type !== "EXTERNAL_VIDEO" && type !== "VIDEO") throw notImplemented(info, `fileCreate with contentType ${type}`);
    const typename = ({ IMAGE: "MediaImage", FILE: "GenericFile", EXTERNAL_VIDEO: "ExternalVideo", VIDEO: "Video" } as const)[type];
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
  // A video also answers UPLOADED (not PROCESSING) while it waits (file-create-content-type-inference.json
  // videoNode). The twin does not transcode: uploaded bytes make it READY without duration or sizes.
  if (f.typename === "Video" && !f.outcome && Date.now() < f.readyAt) return "UPLOADED";
  if (f.outcome) {
    settleReplacement(state, f);
    return f.outcome.status;
  }
  if (Date.now() < f.readyAt) return "PROCESSING";
  f.outcome = processSource(state, f.typename, f.originalSource);
  f.updatedAt = isoSeconds();
  return f.outcome.status;
}

type Outcome = NonNullable<FileRecord["outcome"]>;

/** What processing `source` yields offline: a staged upload's bytes, or a remote-sources.ts URL; otherwise a download failure. */
function processSource(state: ShopifyState, typename: FileRecord["typename"], source: string): Outcome {
  const staged = stagedUploadFor(state, source);
  const bytes = staged?.bytes;
  const image = typename === "MediaImage";
  const offline = staged ? "Nothing was uploaded to the staged target." : `The Tessera sandbox is offline and cannot fetch ${source}; upload through stagedUploadsCreate.`;
  if (typename === "Video") {
    return bytes ? { status: "READY", mimeType: staged!.mimeType, size: bytes.length, bytes }
      : { status: "FAILED", code: "VIDEO_METADATA_READ_ERROR", message: "File could not be created because the metadata could not be read.", details: offline };
  }
  const remote = bytes ? undefined : remoteImage(source);
  if (remote && image) return { status: "READY", mimeType: remote.mimeType, size: remote.bytes.length, width: remote.width, height: remote.height, bytes: remote.bytes, servedType: remote.bytesType };
  // A generic file of the same URL is just its bytes (media-file-filename-extension-case-sensitivity.json: READY).
  if (remote) return { status: "READY", mimeType: remote.mimeType, size: remote.bytes.length, bytes: remote.bytes, servedType: remote.bytesType };
  if (!bytes) {
    return {
      status: "FAILED",
      code: image ? "IMAGE_DOWNLOAD_FAILURE" : "GENERIC_FILE_DOWNLOAD_FAILURE",
      message: image ? "File could not be processed because the image could not be downloaded." : "File could not be processed because the source could not be downloaded.",
      details: offline,
    };
  }
  if (image) {
    const info = imageInfo(bytes);
    return info
      ? { status: "READY", mimeType: info.mimeType, size: bytes.length, width: info.width, height: info.height, bytes }
      : { status: "FAILED", code: "UNSUPPORTED_IMAGE_FILE_TYPE", message: "File could not be created because the image is an unsupported file type.", details: null };
  }
  return { status: "READY", mimeType: staged!.mimeType, size: bytes.length, bytes };
}

/**
 * A READY file whose source fileUpdate replaced (file-acknowledge-update-failed-parity.json,
 * media-file-update-source-semantics.json): it stays READY; an image answers image: null (its preview
 * keeps the old one) until the new source is processed. A failed replacement leaves it READY with the
 * failure in fileErrors until fileAcknowledgeUpdateFailed, which restores the previous image
 * (what a read shows between failure and acknowledgement was not captured).
 */
function settleReplacement(state: ShopifyState, f: FileRecord): void {
  const r = f.replacement;
  if (!r || r.failure || Date.now() < r.readyAt) return;
  const next = processSource(state, f.typename, r.source);
  if (next.status === "READY") {
    f.outcome = next;
    f.originalSource = r.source;
    f.replacement = undefined;
  } else {
    r.failure = { code: next.code, message: next.message, details: next.details };
  }
  f.updatedAt = isoSeconds();
}

/** Public URL of a READY file, served by the sandbox like Shopify's CDN (…/s/files/1/<shop>/files/<name>?v=…). */
export function cdnUrl(state: ShopifyState, f: FileRecord, shopId: number): string {
  return `${sandboxOrigin(state)}/cdn/shopify/s/files/1/${shopId}/files/${encodeURIComponent(cdnName(f))}?v=${f.id}`;
}

// A source named without an extension is stored under the one its content has
// (file-acknowledge-update-failed-parity.json: placehold.co/…/png -> files/png.png).
function cdnName(f: FileRecord): string {
  const type = f.outcome?.status === "READY" ? f.outcome.mimeType : undefined;
  const ext = type ? extensionForMime(type) : undefined;
  return extension(f.filename) || !ext ? f.filename : `${f.filename}.${ext}`;
}

function fileNode(state: ShopifyState, f: FileRecord, forced?: "UPLOADED") {
  const status = forced ?? settle(state, f);
  const ready = status === "READY" && f.outcome?.status === "READY" ? f.outcome : undefined;
  const url = ready ? cdnUrl(state, f, state.shops.get(f.shop)?.id ?? 0) : null;
  // A video's preview is a thumbnail the twin cannot make (no transcoder): none.
  const previewImage = ready && url && f.typename !== "Video" ? {
    __typename: "Image", id: gid("ImageSource", f.id), url: () => url, originalSrc: url, src: url, transformedSrc: () => url,
    width: ready.width ?? null, height: ready.height ?? null, altText: f.alt || null,
  } : null;
  // While a replaced source is pending (or failed, unacknowledged) the image itself is null.
  const image = f.replacement ? null : previewImage;
  const base = {
    __typename: f.typename,
    id: gid(f.typename, f.id),
    alt: f.alt,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    fileStatus: status,
    fileErrors: f.outcome?.status === "FAILED" && status === "FAILED"
      ? [{ __typename: "FileError", code: f.outcome.code, message: f.outcome.message, details: f.outcome.details }]
      : f.replacement?.failure ? [{ __typename: "FileError", ...f.replacement.failure }] : [],
    preview: { __typename: "MediaPreviewImage", image: previewImage, status: status === "READY" ? "READY" : status === "FAILED" ? "FAILED" : status === "UPLOADED" ? "UPLOADED" : "PROCESSING" },
    mimeType: ready?.mimeType ?? null,
  };
  if (f.typename === "GenericFile") return { ...base, url, originalFileSize: ready?.size ?? null };
  if (f.typename === "Video") {
    const { mimeType: _none, ...rest } = base;
    // duration, sources and the source's width/height would need a transcoder: left out so selecting them fails loudly.
    return {
      ...rest, mediaContentType: "VIDEO", status: base.preview.status, mediaErrors: [], mediaWarnings: [], filename: f.filename,
      originalSource: ready && url ? { __typename: "VideoSource", url, mimeType: ready.mimeType, fileSize: ready.size, format: extension(f.filename).toLowerCase() } : null,
    };
  }
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
    originalSource: ready && !f.replacement ? { __typename: "MediaImageOriginalSource", fileSize: ready.size, url } : null,
  };
}

// A file the files API can act on: one of its own records, or product media (product-media-files.ts).
export type Entry = { kind: "file"; f: FileRecord } | ({ kind: "media" } & ProductMediaFile);

export const entryGid = (e: Entry) => (e.kind === "file" ? gid(e.f.typename, e.f.id) : e.m.gid);
export const entryTypename = (e: Entry) => (e.kind === "file" ? e.f.typename : productMediaTypename(e));
export const entryStatus = (state: ShopifyState, e: Entry) => (e.kind === "file" ? settle(state, e.f) : productMediaStatus(e));
export const entryNode = (state: ShopifyState, e: Entry) => (e.kind === "file" ? fileNode(state, e.f) : productMediaNode(e));
export const entryFilename = (e: Entry) => (e.kind === "file" ? e.f.filename : productMediaFilename(e));

/** By the gid's number: fileDelete answers a wrongly typed gid with the file's real one (typed-gid-roundtrip capture). */
export function lookup(ctx: AdminContext, id: string): Entry | undefined {
  const n = gidNumber(id);
  const f = filesStore(ctx.state).files.get(n);
  if (f && f.shop === ctx.shop.domain) return { kind: "file", f };
  const media = findProductMedia(ctx, n);
  return media && { kind: "media", ...media };
}

/** fileUpdate names a file by its exact typed gid (media-file-update-validation-branches.json wrongType). */
export function lookupTyped(ctx: AdminContext, id: string): Entry | undefined {
  const e = lookup(ctx, id);
  return e && entryGid(e) === id ? e : undefined;
}

/**
 * Resolver-level argument error (data.<field> null): located at the field and at the argument's
 * variable definition, or at the argument itself when it is a literal (media-file-create-input-validation.json).
 */
export function argumentError(info: GraphQLResolveInfo, argument: string, message: string): GraphQLError {
  const field = info.fieldNodes[0]!;
  const arg = field.arguments?.find((a) => a.name.value === argument);
  const variable = arg?.value.kind === Kind.VARIABLE ? info.operation.variableDefinitions?.find((d) => d.variable.name.value === (arg.value as VariableNode).name.value) : undefined;
  const second = variable ?? arg;
  return new GraphQLError(message, { nodes: second ? [field, second] : [field], path: [info.path.key], extensions: { code: "INVALID_FIELD_ARGUMENTS" } });
}

/** node(id:) for File types: the files store first, then product media (catalog/resolvers/node.ts). */
export function fileNodeById(ctx: AdminContext, id: string): unknown {
  const e = lookup(ctx, id);
  return e && entryGid(e) === id ? entryNode(ctx.state, e) : null;
}

interface FilesArgs extends ConnectionArgs { query?: string | null; sortKey?: string | null; savedSearchId?: string | null }

export function files(args: FilesArgs, ctx: AdminContext, info: GraphQLResolveInfo) {
  if (args.savedSearchId) throw notImplemented(info, "files(savedSearchId:)");
  let rows: Entry[] = [
    ...[...filesStore(ctx.state).files.values()].filter((f) => f.shop === ctx.shop.domain).map((f): Entry => ({ kind: "file", f })),
    // Product copies of a file are the file itself (listed once).
    ...productMediaFiles(ctx).filter(({ m }) => !filesStore(ctx.state).files.has(gidNumber(m.gid))).map((m): Entry => ({ kind: "media", ...m })),
  ];
  for (const term of (args.query ?? "").split(/\s+/).filter(Boolean)) {
    const m = /^(media_type|status|filename|id):(.+)$/.exec(term);
    if (!m) throw notImplemented(info, `files(query: "${args.query}")`);
    const value = m[2]!.replace(/^"|"$/g, "");
    rows = rows.filter((e) => {
      const typename = entryTypename(e);
      if (m[1] === "media_type") return (typename === "MediaImage" ? "IMAGE" : typename === "ExternalVideo" ? "EXTERNAL_VIDEO" : typename === "Video" ? "VIDEO" : "GENERIC_FILE") === value.toUpperCase();
      if (m[1] === "status") return entryStatus(ctx.state, e) === value.toUpperCase();
      if (m[1] === "filename") return entryFilename(e).toLowerCase().includes(value.toLowerCase().replace(/\*/g, ""));
      return String(gidNumber(entryGid(e))) === value;
    });
  }
  // Sort keys computed once per row (a generated catalog has hundreds of thousands of images).
  const ids = new Map(rows.map((e) => [e, gidNumber(entryGid(e))]));
  const id = (e: Entry) => ids.get(e)!;
  const time = (e: Entry, key: "createdAt" | "updatedAt") => (e.kind === "file" ? e.f[key] : e.m[key] ?? e.p[key]);
  const sortKey = args.sortKey ?? "ID";
  if (sortKey === "CREATED_AT" || sortKey === "UPDATED_AT") {
    const key = sortKey === "CREATED_AT" ? "createdAt" : "updatedAt";
    rows.sort((a, b) => time(a, key).localeCompare(time(b, key)) || id(a) - id(b));
  } else if (sortKey === "FILENAME") {
    const names = new Map(rows.map((e) => [e, entryFilename(e)]));
    rows.sort((a, b) => names.get(a)!.localeCompare(names.get(b)!) || id(a) - id(b));
  }
  else if (sortKey === "ID") rows.sort((a, b) => id(a) - id(b));
  else throw notImplemented(info, `files(sortKey: ${sortKey})`);
  // Nodes are built for the requested page only (a seeded shop has thousands of product images).
  const page = connection(rows, args, (e) => entryGid(e));
  const node = (e: Entry) => entryNode(ctx.state, e);
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: node(edge.node) })), nodes: page.nodes.map(node) };
}

// QueryRoot.fileSavedSearches (files-upload-live-capture.json readAfterCreate: an empty connection).
// The twin implements no savedSearchCreate, so a shop never has a saved search for files.
export function fileSavedSearches(args: ConnectionArgs) {
  return connection([] as { id: string }[], args, (n) => n.id);
}

/** Bytes of a READY file for the sandbox CDN route (undefined if none). */
export function fileBytes(state: ShopifyState, id: number): { bytes: Buffer; mimeType: string } | undefined {
  const f = filesStore(state).files.get(id);
  return f && f.outcome?.status === "READY" ? { bytes: f.outcome.bytes, mimeType: f.outcome.servedType ?? f.outcome.mimeType } : undefined;
}
