import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { AdminContext } from "../admin-graphql/context";
import { ACCESS_DOCUMENTATION, contextHasScope } from "../admin-graphql/access";
import { notImplemented } from "../admin-graphql/resolvers/not-implemented";
import { deleteProductMedia, updateProductMediaAlt } from "../catalog/resolvers/product-media";
import { catalogOf } from "../catalog/store";
import { isoSeconds, simulatedDelays } from "../platform/app-identity";
import { removeFile } from "./files-store";
import {
  ALT_LIMIT, SOURCE_LIMIT, argumentError, cdnUrl, entryFilename, entryGid, entryNode, entryStatus, entryTypename, extension, lookup, lookupTyped,
  type Entry, type FilesUserError,
} from "./files";
import { addReferences, productsReferencing, promoteToFile, removeReferences, syncReferenceAlt } from "./product-media-files";
import { stagedUploadFor } from "./staged-uploads";

// fileDelete / fileUpdate / fileAcknowledgeUpdateFailed over the files store and product media
// (files.ts Entry). Evidence: media-file-update-*.json, media-file-delete-typed-gid-roundtrip.json,
// file-acknowledge-update-failed-parity.json, media-file-cascade-variant-media-clear.json.

export function fileDelete(args: { fileIds: string[] }, ctx: AdminContext) {
  const missing = args.fileIds.filter((id) => !lookup(ctx, id));
  if (missing.length) {
    return { deletedFileIds: null, userErrors: [{ field: ["fileIds"], message: `File ids ${missing.join(",")} do not exist.`, code: "FILE_DOES_NOT_EXIST" }] };
  }
  // The numeric id decides; the typed gid returned is the file's real one (typed-gid-roundtrip capture).
  const deleted = args.fileIds.map((id) => {
    const e = lookup(ctx, id)!;
    const fileGid = entryGid(e);
    if (e.kind === "file") removeFile(ctx.state, e.f);
    // Deleting a file also takes it out of every product that shows it (quirks.md §1).
    for (const p of productsReferencing(ctx, fileGid)) deleteProductMedia(ctx, p, p.media.filter((m) => m.gid === fileGid));
    return fileGid;
  });
  return { deletedFileIds: deleted, userErrors: [] };
}

interface UpdateInput { id: string; alt?: string | null; filename?: string | null; originalSource?: string | null; previewImageSource?: string | null; referencesToAdd?: string[] | null; referencesToRemove?: string[] | null }

const CONFLICT = "Cannot update the preview image and image at the same time because they are one and the same.";

// fileUpdate, in Shopify's order (media-file-update-*.json): over-long originalSource is a top-level
// argument error; then unknown ids, then non-READY files, each failing the whole batch at ["files"];
// then whole-batch rules that report one error however many rows break them (filename on a video,
// filename extension, unknown reference targets); then per-row errors at ["files", i, field], the
// other rows still being updated (mixed-batch partial success).
export function fileUpdate(args: { files: UpdateInput[] }, ctx: AdminContext, info: GraphQLResolveInfo) {
  for (const f of args.files) {
    if (f.originalSource != null && f.originalSource.length > SOURCE_LIMIT) throw argumentError(info, "files", `originalSource is too long (maximum is ${SOURCE_LIMIT})`);
  }
  const batch = (message: string, code: string) => ({ files: [], userErrors: [{ field: ["files"], message, code }] });
  const missing = args.files.filter((f) => !lookupTyped(ctx, f.id)).map((f) => f.id);
  // One id: "File id [\"gid…\"] does not exist." (file-update-missing-id-coercion.json); several: "File ids [...] do not exist."
  const list = JSON.stringify(missing).replace(/","/g, "\", \"");
  if (missing.length) return batch(missing.length === 1 ? `File id ${list} does not exist.` : `File ids ${list} do not exist.`, "FILE_DOES_NOT_EXIST");
  const rows = args.files.map((input) => ({ input, e: lookupTyped(ctx, input.id)! }));
  if (rows.some(({ e }) => entryStatus(ctx.state, e) !== "READY")) return batch("Non-ready files cannot be updated.", "NON_READY_STATE");
  const video = (e: Entry) => entryTypename(e) === "ExternalVideo";
  if (rows.some(({ input, e }) => input.filename != null && video(e))) {
    return batch("Updating the filename is only supported on images and generic files", "UNSUPPORTED_MEDIA_TYPE_FOR_FILENAME_UPDATE");
  }
  // Case-sensitive, like fileCreate's check (media-file-filename-extension-case-sensitivity.json).
  if (rows.some(({ input, e }) => input.filename != null && extension(input.filename) !== extension(entryFilename(e)))) {
    return batch("The filename extension provided must match the original filename.", "INVALID_FILENAME_EXTENSION");
  }
  const products = catalogOf(ctx.state, ctx.shop.domain).products;
  if (rows.some(({ input }) => [...(input.referencesToAdd ?? []), ...(input.referencesToRemove ?? [])].some((id) => !products.has(id)))) {
    return batch("The reference target does not exist", "REFERENCE_TARGET_DOES_NOT_EXIST");
  }
  // Changing references changes those products: without write_products the whole call is denied
  // (media-file-create-references-authorization.json, a read_files/write_files/read_products token).
  // Checked once the targets are known to exist (a permission on products needs the products).
  if (args.files.some((f) => f.referencesToAdd?.length || f.referencesToRemove?.length) && !contextHasScope(ctx, "write_products")) {
    throw new GraphQLError("Access denied: Missing permission to manage products.", { extensions: { code: "ACCESS_DENIED", documentation: ACCESS_DOCUMENTATION } });
  }
  const errors: FilesUserError[] = [];
  const updated: Entry[] = [];
  rows.forEach(({ input, e }, i) => {
    const at = (field: string) => ["files", String(i), field];
    const rowErrors: FilesUserError[] = [];
    if (input.alt != null && input.alt.length > ALT_LIMIT) rowErrors.push({ field: at("alt"), message: `The alt value exceeds the maximum limit of ${ALT_LIMIT} characters.`, code: "ALT_VALUE_LIMIT_EXCEEDED" });
    if (input.originalSource != null && video(e)) {
      rowErrors.push({ field: at("originalSource"), message: "Updating the original source is not supported for this media type.", code: "INVALID" });
    } else if (input.originalSource != null && input.previewImageSource != null) {
      // Reported on both fields (media-file-update-simultaneous-source-conflict.json).
      rowErrors.push({ field: at("previewImageSource"), message: CONFLICT, code: "INVALID" }, { field: at("originalSource"), message: CONFLICT, code: "INVALID" });
    } else if (input.originalSource != null && entryTypename(e) === "MediaImage" && !validSource(ctx, input.originalSource)) {
      // An image's source is replaced through its preview image, hence the field (fabricated-validation capture).
      rowErrors.push({ field: at("previewImageSource"), message: "Invalid image source url value provided", code: "INVALID_IMAGE_SOURCE_URL" });
    }
    if (rowErrors.length) return void errors.push(...rowErrors);
    const source = input.originalSource ?? input.previewImageSource;
    const fileGid = entryGid(e);
    let target = e;
    if (source != null) {
      // An image's preview is its image ("one and the same"); other types' previews are not modelled.
      if (input.previewImageSource != null && entryTypename(e) !== "MediaImage") throw notImplemented(info, `fileUpdate(previewImageSource:) of a ${entryTypename(e)}`);
      if (entryTypename(e) !== "MediaImage" && entryTypename(e) !== "GenericFile") throw notImplemented(info, `fileUpdate(originalSource:) of a ${entryTypename(e)}`);
      if (target.kind === "media") throw notImplemented(info, "fileUpdate(originalSource:) of product media");
      target.f.replacement = { source, readyAt: Date.now() + simulatedDelays(ctx.state).fileProcessingMs };
    }
    if (input.referencesToAdd?.length || input.referencesToRemove?.length) {
      if (entryTypename(e) === "GenericFile" || entryTypename(e) === "Video") throw notImplemented(info, `fileUpdate references of a ${entryTypename(e)}`);
      if (target.kind === "media") target = { kind: "file", f: promoteToFile(ctx, target) };
      removeReferences(ctx, fileGid, input.referencesToRemove ?? []);
      addReferences(ctx, target.f, fileGid, cdnUrl(ctx.state, target.f, ctx.shop.id), input.referencesToAdd ?? []);
    }
    if (target.kind === "media") {
      if (input.alt != null) updateProductMediaAlt(ctx, target.p, target.m, input.alt);
      if (input.filename != null) throw notImplemented(info, "fileUpdate(filename:) of product media");
    } else {
      if (input.alt != null) {
        target.f.alt = input.alt;
        syncReferenceAlt(ctx, fileGid, input.alt);
      }
      if (input.filename != null) target.f.filename = input.filename;
      target.f.updatedAt = isoSeconds();
    }
    updated.push(target);
  });
  return { files: updated.map((e) => entryNode(ctx.state, e)), userErrors: errors };
}

const validSource = (ctx: AdminContext, source: string) => Boolean(stagedUploadFor(ctx.state, source)) || /^https?:\/\/[^/\s]+/i.test(source);

// fileAcknowledgeUpdateFailed (file-acknowledge-update-failed-parity.json, media-file-user-error-aggregation.json,
// media-file-acknowledge-update-failed-semantics.json): unknown ids first (only the first is named), then
// non-READY files (all named); otherwise the READY files come back unchanged. Product media count as files.
export function fileAcknowledgeUpdateFailed(args: { fileIds: string[] }, ctx: AdminContext) {
  const fail = (message: string, code: string) => ({ files: null, userErrors: [{ field: ["fileIds"], message, code }] });
  const missing = args.fileIds.find((id) => !lookup(ctx, id));
  if (missing) return fail(`File id ${missing} does not exist.`, "FILE_DOES_NOT_EXIST");
  const nonReady = args.fileIds.filter((id) => entryStatus(ctx.state, lookup(ctx, id)!) !== "READY");
  if (nonReady.length === 1) return fail(`File with id ${nonReady[0]} is not in the READY state.`, "NON_READY_STATE");
  if (nonReady.length) return fail(`Files with ids ${nonReady.join(", ")} are not in the READY state.`, "NON_READY_STATE");
  return {
    files: args.fileIds.map((id) => {
      const e = lookup(ctx, id)!;
      if (e.kind === "file" && e.f.replacement?.failure) e.f.replacement = undefined; // back to the previous source
      return entryNode(ctx.state, e);
    }),
    userErrors: [],
  };
}
