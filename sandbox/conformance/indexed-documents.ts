import { readRequestDocument, type RequestIndex } from "./captures";
import type { CandidateDocument } from "./reconstruct";

/**
 * The documents the spec index lists for one capture file (its scenarios' targets, in index order),
 * for reconstructing steps stored without query text: a document recorded for this scenario is the
 * likelier one to have been sent than any other document under _requests that would also fit
 * (media-file-delete-typed-gid-roundtrip.json: its create document is listed only as the scenario's
 * target-less document, and another scenario's fileCreate document, which also selects
 * `... on MediaImage { image }`, sorts first among all documents).
 */
export function indexedDocuments(entry: RequestIndex[string] | undefined, read: (documentPath: string) => string | undefined = readRequestDocument): CandidateDocument[] {
  const out: CandidateDocument[] = [];
  for (const scenario of entry ?? []) {
    for (const t of scenario.targets) {
      if (!t.documentPath || out.some((d) => d.source === t.documentPath)) continue;
      const query = read(t.documentPath);
      if (query) out.push({ query, source: t.documentPath });
    }
  }
  return out;
}
