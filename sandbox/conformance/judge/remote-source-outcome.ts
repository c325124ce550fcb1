import { diffBodies, type Difference } from "../compare";
import type { Exchange } from "../normalize";
import { isObject, pathSteps, valueAt } from "../steps";
import { remoteImage } from "../../shopify/content/remote-sources";
import { filesStore } from "../../shopify/content/files-store";
import type { ShopifyState } from "../../shopify/state";

// A file the scenario created (or re-sourced) from a URL on the public web is downloaded by Shopify;
// the offline twin cannot fetch it (remote-sources.ts: only placeholder-generator URLs, whose URL
// fixes the content, are stood in for) and its processing ends in a download failure. Shopify's
// outcome depends on what that server answered (w3.org's dummy.pdf became READY application/pdf in
// media-file-interface-fields.json and media-file-update-source-semantics.json), so no twin
// offline can give it. Judged as not comparable only where every difference is that outcome:
// - a processing-outcome field (fileStatus, url, mimeType, image, preview, originalFileSize,
//   fileErrors) of such a file, which the capture shows READY and the twin FAILED to download;
// - a fileUpdate the capture shows succeeding and the twin refused with NON_READY_STATE, when every
//   file it names is such a file (Shopify accepted it because the download had succeeded).
// Any other difference (alt, createdAt, another file, a list's length) stays a failure.

export const REMOTE_SOURCE_CATEGORY = "depends on a remote source outside the offline sandbox (Shopify downloaded a public URL the offline twin cannot fetch)";

// A staged target the replay did not pair (its upload was not recorded) is not the public web.
const STAGED_HOST = /^https?:\/\/[^/]*(storage\.googleapis\.com|staged-uploads)[^/]*\//;
const OUTCOME_FIELDS = new Set(["fileStatus", "url", "mimeType", "image", "preview", "originalFileSize", "fileErrors"]);
const FILE_LISTS: Record<string, string> = { fileCreate: "files", fileUpdate: "files" };

/** A URL the twin cannot fetch: http(s), not a placeholder generator, not a staged upload target. */
export function unfetchable(url: unknown, staged: (url: string) => boolean): url is string {
  return typeof url === "string" && /^https?:\/\//.test(url) && !remoteImage(url) && !staged(url) && !STAGED_HOST.test(url);
}

/**
 * After a mutation: the captured ids of files its request sourced from an unfetchable URL
 * (fileCreate pairs inputs and answered files by position, fileUpdate by id).
 */
export function trackRemoteSources(ex: Exchange, remote: Map<string, string>, staged: (url: string) => boolean): void {
  const data = ex.response.data;
  if (!isObject(data)) return;
  for (const [root, listKey] of Object.entries(FILE_LISTS)) {
    const payload = data[root];
    const answered = isObject(payload) && Array.isArray(payload[listKey]) ? (payload[listKey] as unknown[]) : undefined;
    const inputs = Object.values(ex.variables).find((v): v is unknown[] => Array.isArray(v) && v.every(isObject) && v.some((i) => isObject(i) && "originalSource" in i));
    if (!answered || !inputs) continue;
    inputs.forEach((input, i) => {
      if (!isObject(input) || !unfetchable(input.originalSource, staged)) return;
      const id = typeof input.id === "string" ? input.id : root === "fileCreate" && answered.length === inputs.length ? (answered[i] as { id?: unknown } | undefined)?.id : undefined;
      // (the first source is the one the file's content came from; a replacement is processed later)
      if (typeof id === "string" && !remote.has(id) && answered.some((f) => isObject(f) && f.id === id)) remote.set(id, input.originalSource as string);
    });
  }
}

/** The twin's file whose processing failed because it could not download its source. */
export function failedToDownload(state: ShopifyState, twinGid: string): boolean {
  const n = Number(/\/(\d+)$/.exec(twinGid)?.[1]);
  const outcome = filesStore(state).files.get(n)?.outcome;
  return outcome?.status === "FAILED" && /DOWNLOAD_FAILURE$/.test(outcome.code);
}

/** The captured ids of the remote-sourced files that explain every difference of the answer, or undefined. */
export function remoteSourceOutcome(ex: Exchange, twinStatus: number, twinBody: unknown, remote: Map<string, string>, ids: Map<string, string>, failed: (twinGid: string) => boolean): string[] | undefined {
  if (!remote.size || twinStatus !== ex.status || !isObject(twinBody)) return undefined;
  const diffs = diffBodies(ex.response, twinBody, 1000).filter((d) => ex.querySource === "inline" || !/^errors\[\d+\]\.locations/.test(d.path));
  if (!diffs.length) return undefined;
  const used = new Set<string>();
  const refused = refusedUpdates(ex, twinBody, remote, ids, failed);
  for (const d of diffs) {
    const refusal = refused.find((r) => d.path.startsWith(`data.${r.root}.`));
    if (refusal) { refusal.files.forEach((f) => used.add(f)); continue; }
    const file = outcomeOf(d, ex.response, twinBody, remote, ids, failed);
    if (!file) return undefined;
    used.add(file);
  }
  return [...used];
}


/** The remote file whose processing-outcome field the difference is, captured READY and FAILED in the twin. */
function outcomeOf(d: Difference, captured: unknown, twin: unknown, remote: Map<string, string>, ids: Map<string, string>, failed: (g: string) => boolean): string | undefined {
  const path = pathSteps(d.path.replace(/\.length$/, ""));
  for (let i = path.length - 1; i > 0; i--) {
    const field = path[i];
    const [c, t] = [valueAt(captured, path.slice(0, i)), valueAt(twin, path.slice(0, i))];
    if (!isObject(c) || typeof c.id !== "string") continue;
    // the nearest object with an id is the one the field belongs to
    const ok = remote.has(c.id) && isObject(t) && t.id === (ids.get(c.id) ?? c.id) && failed(t.id as string)
      && c.fileStatus === "READY" && typeof field === "string" && OUTCOME_FIELDS.has(field);
    return ok ? c.id : undefined;
  }
  return undefined;
}

interface Refusal { root: string; files: string[] }

/** fileUpdate answers the capture shows succeeding that the twin refused only for non-ready remote files. */
function refusedUpdates(ex: Exchange, twinBody: Record<string, unknown>, remote: Map<string, string>, ids: Map<string, string>, failed: (g: string) => boolean): Refusal[] {
  const [c, t] = [ex.response.data, twinBody.data];
  if (!isObject(c) || !isObject(t) || !isObject(c.fileUpdate) || !isObject(t.fileUpdate)) return [];
  const [mine, theirs] = [c.fileUpdate, t.fileUpdate];
  const errors = Array.isArray(theirs.userErrors) ? theirs.userErrors : [];
  if (!Array.isArray(mine.userErrors) || mine.userErrors.length || !errors.length || !errors.every((e) => isObject(e) && e.code === "NON_READY_STATE")) return [];
  const inputs = Object.values(ex.variables).find((v): v is unknown[] => Array.isArray(v) && v.length > 0 && v.every((i) => isObject(i) && typeof i.id === "string"));
  const named = (inputs ?? []).map((i) => (i as { id: string }).id);
  const answered = Array.isArray(mine.files) ? mine.files : [];
  const allRemote = named.length > 0 && named.every((g) => remote.has(g) && failed(ids.get(g) ?? g));
  const shownReady = answered.every((f) => isObject(f) && named.includes(f.id as string) && f.fileStatus === "READY");
  return allRemote && shownReady ? [{ root: "fileUpdate", files: named }] : [];
}
