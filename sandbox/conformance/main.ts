import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CAPTURES_DIR, CONFORMANCE_DOMAINS, listCaptures, loadRequestIndex, readRequestDocument, type CaptureFile } from "./captures";
import { normalizeCapture, upstreamEvidence } from "./normalize";
import { allRequestDocuments, reconstructQueries } from "./reconstruct";
import { indexedDocuments } from "./indexed-documents";
import { replayScenario, type ExchangeResult } from "./replay";
import { explainResult, renderReport, type DomainCounts } from "./report";

// `npm run conformance [-- --strict] [-- --domain products] [-- --file <substring>] [-- --explain]`
// Replays every capture of the conformance domains against fresh twins and writes
// sandbox/CONFORMANCE.md. Exit code 0 (it is a measurement) unless --strict and something failed.

const args = process.argv.slice(2);
const strict = args.includes("--strict");
const only = (flag: string) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]!] : []));
const domains = only("--domain").length ? only("--domain") : [...CONFORMANCE_DOMAINS];
const fileFilters = only("--file");
// --explain prints every exchange of the selected files in replay order with all its differences.
const explain = args.includes("--explain");
const CONCURRENCY = 4;

const captures = listCaptures(domains).filter((c) => !fileFilters.length || fileFilters.some((f) => c.file.includes(f)));
const index = loadRequestIndex();
const results: ExchangeResult[] = [];
const started = performance.now();

async function run(capture: CaptureFile) {
  const json: unknown = JSON.parse(readFileSync(path.join(CAPTURES_DIR, capture.file), "utf8"));
  // Steps stored without query text: the documents the index lists for this capture are tried before all others.
  const exchanges = reconstructQueries(normalizeCapture(json, { index: index[capture.file], readDocument: (p) => readRequestDocument(p) }), [...indexedDocuments(index[capture.file]), ...allRequestDocuments()]);
  results.push(...(await replayScenario(capture, exchanges, upstreamEvidence(json))));
}

const queue = [...captures];
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  for (let c = queue.shift(); c; c = queue.shift()) await run(c);
}));
results.sort((a, b) => (a.file === b.file ? 0 : a.file < b.file ? -1 : 1));
if (explain) for (const r of results) console.log(explainResult(r));

// The conformance line counts the domains the sandbox issue lists; exchanges of neighbouring
// features recorded in the same folders (scope.ts) are counted apart and listed in the report.
const listed = results.filter((r) => !r.outside);
const outside = results.filter((r) => r.outside);
const byDomain = new Map<string, DomainCounts>();
for (const d of domains) byDomain.set(d, { passed: 0, failed: 0, incomparable: 0, unreplayable: 0, outsidePassed: 0, outsideFailed: 0 });
for (const r of listed) byDomain.get(r.domain)![r.outcome.status]++;
for (const r of outside) if (r.outcome.status === "passed" || r.outcome.status === "failed") byDomain.get(r.domain)![r.outcome.status === "passed" ? "outsidePassed" : "outsideFailed"]++;
for (const [domain, c] of byDomain) console.log(`${domain.padEnd(22)} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(4)} failed ${String(c.incomparable).padStart(4)} not comparable ${String(c.unreplayable).padStart(4)} not replayable   (outside the listed domains: ${c.outsidePassed} passed, ${c.outsideFailed} failed)`);

const reportPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../CONFORMANCE.md");
if (!fileFilters.length && domains.length === CONFORMANCE_DOMAINS.length) {
  writeFileSync(reportPath, renderReport({ results, byDomain, files: captures.length, seconds: (performance.now() - started) / 1000 }));
  console.log(`wrote ${path.relative(process.cwd(), reportPath)}`);
}
const count = (rs: ExchangeResult[], status: ExchangeResult["outcome"]["status"]) => rs.filter((r) => r.outcome.status === status).length;
const [passed, failed] = [count(listed, "passed"), count(listed, "failed")];
console.log(`(${count(listed, "incomparable")} replayed exchanges differ only through state the twin cannot have and are listed as not comparable; ${count(listed, "unreplayable")} recorded responses have no query text and are listed as not replayable)`);
console.log(`outside the listed domains (not counted below): ${count(outside, "passed")} passed, ${count(outside, "failed")} failed`);
console.log(`conformance: ${passed} passed, ${failed} failed`);
process.exit(strict && failed ? 1 : 0);
