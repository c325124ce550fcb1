import { Kind, type FieldNode } from "graphql";
import { diffBodies, type Difference } from "./compare";
import type { CaptureFile } from "./captures";
import type { Exchange, StagedUploadStep } from "./normalize";
import { scenarioSetup } from "./rebuild/preconditions";
import { selectsAtAll, selectsUnconditionally } from "./reconstruct";
import { operationOf } from "./scopes";
import { outsideListedDomains } from "./scope";
import { ANY_GID, fillGaps, isMutationStep, isObject, pathSteps, requestText, valueAt } from "./steps";
import { hydrate, preexistingOwners, type RecordedOwner } from "./rebuild/hydrate";
import { nextPageIsRecordedShops } from "./judge/recorded-pages";
import { sentWithDelegate, trackDelegates, type LiveDelegate } from "./judge/delegate-credentials";
import { inIssueOrder } from "./order/issue-order";
import { atUnsettableField, notRebuiltOf, type NotRebuilt } from "./rebuild/not-rebuilt";
import { hydrateMetaobjectDefinitions, recordedDefinitions } from "./rebuild/hydrate-metaobjects";
import { deletesBeforeRecreate } from "./order/recreate-order";
import { placeRecordedWebPresences } from "./twin";
import { recordedWebPresences, unrecordedMarkets } from "./rebuild/recorded-markets";
import { echoedLocale } from "./echoed-locale";
import { madeInRecording, refusedForOutsideObjects } from "./judge/outside-setup";
import { pairUnshownCleanupId } from "./unshown-created-ids";
import { inListEvidenceOrder } from "./order/list-evidence-order";
import { listOfPreexistingOnly, type TwinSeed } from "./judge/preexisting-lists";
import { behaviourChangedSince } from "./judge/version-drift";
import { INDEX_LAG_CATEGORY, listIndexLagged } from "./judge/index-lag";
import { REMOTE_SOURCE_CATEGORY, failedToDownload, remoteSourceOutcome, trackRemoteSources } from "./judge/remote-source-outcome";
import { placeRecordedShop, recordedShop } from "./rebuild/recorded-shop";
import { hydrateStandardMetafieldDefinitions, recordedStandardDefinitions } from "./rebuild/hydrate-standard-metafield-definitions";
import { cancelRefusedOverRecordedCatalogue, continuesPinnedPositions, fileOfRecordedCatalogue, operationCountsOf, rememberOperationCounts, scenarioPinsOf, stillRunningOverRecordedCatalogue } from "./judge/recorded-catalogue";
import { UNKNOWN_SEEDED_CATEGORY, unknownSeededRefusal } from "./judge/unknown-seeded";
import { withShopEvidence } from "./rebuild/shop-evidence";
import { capturedAtOf, recordedShopIds } from "./rebuild/recorded-shop-ids";
import { postGraphql, startTwin, type Twin, type TwinReply } from "./twin";
import { markRebuilt, SeedMarks, unlessSeeded } from "./rebuild/seeded-exchanges";
import { RECORDED_API_CLIENT_ID, TWIN_API_KEY } from "./volatile";
import { apiClientId, simulatedDelays } from "../shopify/platform/app-identity";

// Replays one scenario's exchanges, in order, against a fresh twin and judges each one.
// Ids the twin assigns are learned from each response (paired with the captured one at the same
// path) and substituted into later requests, so "create, then read by id" works.

// "incomparable": the exchange was replayed and differs, but the difference is explained by a state
// the twin cannot have (the recorded shop's own data, setup the recording did not keep, an API
// version or a document that changed since). Listed with the evidence, not counted as a failure.
export type Outcome =
  | { status: "passed" }
  | { status: "failed"; category: string; detail: string; diffs: Difference[] }
  | { status: "incomparable"; category: string; detail: string; diffs: Difference[] }
  | { status: "unreplayable"; category: string; detail: string };

export interface ExchangeResult {
  file: string; domain: string; path: string; name: string; outcome: Outcome;
  /** Set when the exchange belongs to a feature outside the issue's listed domains (scope.ts): why. */
  outside?: string;
}

export const CATEGORY = {
  notImplemented: "not implemented in the twin (NOT_IMPLEMENTED_IN_SANDBOX)",
  preExisting: "depends on the recorded shop's pre-existing data",
  schema: "query does not validate against the twin's 2026-07 schema (captured on an older version)",
  versionBehaviour: "behaviour changed since the recorded API version (captures of a newer version show the twin's 2026-07 answer)",
  differs: "response differs",
  noQuery: "query text not recorded (no inline query, documentPath or index entry, and no recorded document fits the step exactly)",
  noVariables: "variables not recorded (the document needs a variable the step did not keep)",
  transport: "twin did not answer with a GraphQL body",
  unreplayableSetup: "depends on an unreplayable setup step (an earlier step without query text created or changed the object)",
  documentChanged: "query document changed after recording (the captured response lacks fields the current document selects, or holds fields it does not select)",
} as const;

const GID = ANY_GID;
const VALIDATION_CODES = new Set(["undefinedField", "argumentNotAccepted", "undefinedType", "missingRequiredArguments", "argumentLiteralsIncompatible", "selectionMismatch", "INVALID_VARIABLE", "variableMismatch"]);

export async function replayScenario(capture: CaptureFile, exchanges: Exchange[], evidence: Exchange[] = []): Promise<ExchangeResult[]> {
  exchanges = inIssueOrder(exchanges); // steps whose answers carry Shopify's issue time (issue-order.ts)
  exchanges = deletesBeforeRecreate(exchanges); // a definition type shown again under a new id (recreate-order.ts)
  exchanges = inListEvidenceOrder(exchanges); // makers and cleanups where complete list reads show they ran (list-evidence-order.ts)
  const results: ExchangeResult[] = [];
  const record = (ex: Exchange, outcome: Outcome) => {
    const outside = outsideListedDomains(ex);
    results.push({ file: capture.file, domain: capture.domain, path: ex.path, name: ex.name, outcome, ...(outside ? { outside } : {}) });
  };
  const seeds = new SeedMarks(); // which exchange's answer supplied each rebuilt value (seeded-exchanges.ts)
  const setup = withShopEvidence(scenarioSetup(exchanges, evidence, seeds), exchanges, capture); // market currencies other captures of the shop showed (shop-evidence.ts)
  const twin = await startTwin(capture.shop, setup);
  const ids = new Map<string, string>(); // captured gid -> twin gid
  // captured opaque string -> the twin's at the same path: cursors, staged-upload keys and URLs
  const cursors = new Map<string, string>();
  const targets: StagedTargetPair[] = []; // stagedUploadsCreate targets, captured paired with the twin's
  const created = new Set<string>(); // captured gids the scenario's own mutations returned
  const unreplayed = new Map<string, string>(); // captured gid (or staged key) -> path of the unreplayable step that answered it
  const uploaded = new Set<string>(); // captured staged keys whose recorded bytes this replay uploaded
  const awaited = new Set<string>(); // captured gids an unreplayable read showed processed
  const delegates: LiveDelegate[] = []; // delegate tokens the recording made and the twin did not (delegate-credentials.ts)
  const remoteSourced = new Map<string, string>(); // captured file gid -> the public URL Shopify downloaded it from (remote-source-outcome.ts)
  const unknownState = new Set<string>(); // rebuilt objects whose recorded values no read showed
  const pinGaps = new Set<number>(); // captured - twin pinnedPosition differences forgiven so far (one number per scenario)
  const recordedAt = capturedAtOf(capture.file); // when the capture ran (a zone's offset then: volatile.ts)
  try {
    // The web presences the recorded shop had (recorded ids), then its products and collections,
    // as the scenario's reads showed them.
    const observed = [...evidence, ...exchanges];
    const presences = fillGaps(recordedWebPresences(exchanges, seeds), recordedWebPresences(observed), (w) => w.id, () => false);
    placeRecordedWebPresences(twin, presences);
    placeRecordedShop(twin, recordedShop(exchanges, evidence, seeds)); // its email and address (recorded-shop.ts)
    for (const [c, t] of recordedShopIds(observed, twin)) { ids.set(c, t); created.add(c); } // the recorded Shop is the twin's (recorded-shop-ids.ts)
    rememberOperationCounts(exchanges); // bulk operations that ran over the recorded catalogue (recorded-catalogue.ts)
    const owners = fillGaps(preexistingOwners(exchanges, seeds), preexistingOwners(observed), (o) => o.gid, blankOwner); // (an answer's values are the scenario's too: hydrate-answers.ts)
    const hydrated = await hydrate(twin, owners);
    for (const [c, t] of hydrated.ids) { ids.set(c, t); created.add(c); }
    for (const g of [...hydrated.partial, ...unrecordedMarkets(setup.markets ?? [])]) unknownState.add(g);
    for (const [c, t] of hydrated.strings) cursors.set(c, t);
    const notRebuilt = notRebuiltOf(hydrated); // found but not (wholly) rebuilt (not-rebuilt.ts)
    // …and its metaobject definitions (hydrate-metaobjects.ts).
    const definitions = await hydrateMetaobjectDefinitions(twin, recordedDefinitions(exchanges, evidence, seeds));
    for (const [c, t] of definitions.ids) { ids.set(c, t); created.add(c); }
    for (const g of definitions.partial) unknownState.add(g);
    // …and the standard metafield definitions it had enabled (hydrate-standard-metafield-definitions.ts).
    for (const [c, t] of (await hydrateStandardMetafieldDefinitions(twin, recordedStandardDefinitions(exchanges, evidence, seeds))).ids) { ids.set(c, t); created.add(c); }
    markRebuilt(seeds, { ids: ids.keys(), markets: setup.markets, presences, locales: setup.locales, app: setup.app });
    // Every object the twin holds from here on with a smaller id was there before the scenario's first step.
    const firstStepId = twin.sandbox.state.nextId();
    for (const ex of exchanges) {
      if (ex.upload) {
        const outcome = await replayUpload(twin, ex.upload, targets);
        record(ex, outcome);
        if (outcome.status === "passed") { const t = targets[targets.length - 1]; uploaded.add(ex.upload.key ?? (t ? objectKey(t.captured) ?? "" : "")); }
        // A later step that names the staged file (bulkOperationRunMutation's stagedUploadPath) depends on it.
        const last = targets[targets.length - 1];
        const key = ex.upload.key ?? (last ? objectKey(last.captured) : undefined);
        if (outcome.status === "unreplayable" && key) unreplayed.set(key, ex.path);
        continue;
      }
      if (!ex.query) {
        record(ex, { status: "unreplayable", category: CATEGORY.noQuery, detail: `shape ${ex.shape}` });
        trackDelegates(ex, false, delegates);
        // The recorder waited until these objects were processed (a read that shows READY or
        // COMPLETED); the replay cannot ask that read, so it lets the same processing time pass
        // before the next step that names one of them (not before steps the recorder sent earlier).
        if (!isMutationStep(ex) && SETTLED.test(JSON.stringify(ex.response.data ?? null))) for (const g of JSON.stringify(ex.response.data).match(GID) ?? []) awaited.add(g);
        // Only a mutation (its root is a Mutation field) made or changed objects; a read only saw them.
        if (isMutationStep(ex)) for (const g of JSON.stringify(ex.response.data ?? null).match(GID) ?? []) if (!ids.has(g) && !unreplayed.has(g)) unreplayed.set(g, ex.path);
        continue;
      }
      if (awaited.size && [...awaited].some((g) => `${ex.query} ${JSON.stringify(ex.variables)}`.includes(g))) {
        await new Promise((r) => setTimeout(r, processingTime(twin)));
        awaited.clear();
      }
      const isMutation = operationOf(ex)?.operation === "mutation";
      // A document whose required variables the recording did not keep cannot be sent as recorded.
      const variables = echoedLocale(ex, withEchoedIds(ex));
      const missing = missingVariables(ex, variables);
      if (missing.length) {
        record(ex, { status: "unreplayable", category: CATEGORY.noVariables, detail: missing.map((v) => `$${v}`).join(", ") });
        continue;
      }
      // A bulk mutation reads a staged file: one this replay did not upload was uploaded outside the recording.
      const staged = stagedUploadPathOf(ex);
      if (staged && !uploaded.has(staged) && !unreplayed.has(staged)) unreplayed.set(staged, "staged file uploaded outside the recording");
      // A cleanup deleting a definition the scenario made without answering its id (unshown-created-ids.ts).
      pairUnshownCleanupId(ex, exchanges.slice(0, exchanges.indexOf(ex)), [...evidence, ...exchanges.filter((o) => o !== ex)], ids, { state: twin.sandbox.state, shop: twin.shop, firstStepId });
      const payload = {
        query: rewriteIds(ex.query, ids, cursors),
        variables: JSON.parse(rewriteIds(JSON.stringify(variables), ids, cursors)) as Record<string, unknown>,
        operationName: ex.operationName,
      };
      const { reply, diffs } = await settle(() => sendWithRetry(twin, payload), (r) => judge(ex, r, recordedAt), !isMutation || changesNothing(ex));
      const twinMade = new Set(ids.values()); // before this answer pairs the twin's own objects with captured ones
      learnIds((ex.response as { data?: unknown }).data, (reply.body as { data?: unknown } | null)?.data, ids, cursors);
      learnStagedTargets((ex.response as { data?: unknown }).data, (reply.body as { data?: unknown } | null)?.data, targets, cursors);
      const seededRefusal = diffs.length ? unknownSeededRefusal(reply.body) : undefined; // a failure, like NOT_IMPLEMENTED (unknown-seeded.ts)
      const drift = diffs.length ? behaviourChangedSince(capture.apiVersion, ex, reply.body, diffs) : undefined;
      const lagged = diffs.length && !isMutation ? listIndexLagged(ex, reply.status, reply.body, ids) : undefined; // index-lag.ts
      const remoteOutcome = diffs.length ? remoteSourceOutcome(ex, reply.status, reply.body, remoteSourced, ids, (g) => failedToDownload(twin.sandbox.state, g)) : undefined;
      const delegated = diffs.length ? sentWithDelegate(ex, reply.body, diffs, delegates, setup.scopes) : undefined;
      const outcome: Outcome = seededRefusal ? { status: "failed", category: UNKNOWN_SEEDED_CATEGORY, detail: seededRefusal, diffs }
        : delegated ? { status: "incomparable", category: CATEGORY.unreplayableSetup, detail: `${delegated.path} (sent with a delegate access token holding only ${delegated.scopes.join(", ")}: redacted in the recording, not issued by the twin)`, diffs }
        : drift ? { status: "incomparable", category: CATEGORY.versionBehaviour, detail: drift, diffs }
        : lagged ? { status: "incomparable", category: INDEX_LAG_CATEGORY, detail: `the list left out ${lagged.join(", ")}`, diffs }
        : remoteOutcome ? { status: "incomparable", category: REMOTE_SOURCE_CATEGORY, detail: remoteOutcome.map((g) => `${g} (${remoteSourced.get(g)})`).join(", "), diffs }
        : diffs.length ? classify(ex, reply, diffs, created, isMutation, unreplayed, unknownState, { twinMade, firstStepId }, notRebuilt, scenarioPinsOf(twin.sandbox.state, firstStepId), ids, pinGaps) : { status: "passed" };
      record(ex, unlessSeeded(outcome, ex, seeds)); // a pass on values it supplied itself is no pass (seeded-exchanges.ts)
      trackDelegates(ex, outcome.status === "passed", delegates);
      if (isMutation) trackRemoteSources(ex, remoteSourced, (u) => cursors.has(u));
      // What this step made in the recording was not made in the twin either: later steps naming it depend on the same setup.
      if (outcome.status === "incomparable" && outcome.category === CATEGORY.unreplayableSetup) {
        const asked = requestText(ex);
        for (const g of JSON.stringify(ex.response.data ?? null).match(GID) ?? []) if (!asked.includes(g) && !ids.has(g) && !unreplayed.has(g)) unreplayed.set(g, outcome.detail.replace(/ \(.*\)$/, ""));
      }
      // …and so was what a mutation made that the twin refused only for objects outside the listed domains (outside-setup.ts).
      if (isMutation && outcome.status !== "passed" && refusedForOutsideObjects(ex, reply.body)) for (const k of madeInRecording(ex, ids)) if (!unreplayed.has(k)) unreplayed.set(k, `${ex.path}, refused in the twin for its objects outside the listed domains`);
      if (isMutation) for (const g of JSON.stringify(ex.response).match(GID) ?? []) created.add(g);
    }
  } finally {
    await twin.close();
  }
  return results;
}

/** A rebuilt object the scenario showed without any recorded value: no field, metafield, catalog, nor a value a mutation's answer showed. */
export const blankOwner = (o: RecordedOwner) => !Object.keys(o.fields).length && !o.metafields.length && !o.catalog && !Object.keys(o.answered ?? {}).length;

/**
 * A read stored without its variables: an `id` argument left unrecorded is the id of the object
 * the captured answer returned for that field (`product(id: $productId) { id … }`).
 */
export function withEchoedIds(ex: Exchange): Record<string, unknown> {
  const out = { ...ex.variables };
  const op = operationOf(ex);
  if (!op || op.operation !== "query") return out;
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    const arg = sel.arguments?.find((a) => a.name.value === "id");
    if (arg?.value.kind !== Kind.VARIABLE || arg.value.name.value in out) continue;
    const answered = ((ex.response.data as Record<string, { id?: unknown } | null> | null | undefined) ?? {})[sel.alias?.value ?? sel.name.value];
    if (typeof answered?.id === "string") out[arg.value.name.value] = answered.id;
  }
  return out;
}

/**
 * An update whose inputs carry nothing but ids (`productUpdateMedia(media: [{ id }])`): it changes
 * nothing, so sending it again cannot double an effect; the recorder used such calls as polls.
 */
export function changesNothing(ex: Exchange): boolean {
  const op = operationOf(ex);
  const roots = op?.selectionSet.selections.filter((sel): sel is FieldNode => sel.kind === Kind.FIELD) ?? [];
  if (op?.operation !== "mutation" || !roots.length || !roots.every((r) => /Update[A-Za-z]*$/.test(r.name.value))) return false;
  const onlyIds = (v: unknown): boolean =>
    typeof v === "string" ? v.startsWith("gid://") : Array.isArray(v) ? v.every(onlyIds) : !!v && typeof v === "object" && Object.entries(v).every(([k, x]) => k === "id" && onlyIds(x));
  const values = Object.values(ex.variables);
  return values.length > 0 && values.every(onlyIds) && !/\(\s*[a-zA-Z]+:\s*["{\[\d]/.test(ex.query ?? "");
}

/** Required variables (non-null, no default) of the step's operation that `given` (the recording, with echoed ids) lacks. */
function missingVariables(ex: Exchange, given: Record<string, unknown>): string[] {
  const op = operationOf(ex);
  return (op?.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue && !(v.variable.name.value in given)).map((v) => v.variable.name.value);
}

/** The captured stagedUploadPath a bulkOperationRunMutation step names (literal or variable). */
function stagedUploadPathOf(ex: Exchange): string | undefined {
  const field = operationOf(ex)?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "bulkOperationRunMutation");
  const value = field?.arguments?.find((a) => a.name.value === "stagedUploadPath")?.value;
  const path = value?.kind === Kind.STRING ? value.value : value?.kind === Kind.VARIABLE ? ex.variables[value.name.value] : undefined;
  return typeof path === "string" && path ? path : undefined;
}

function judge(ex: Exchange, reply: TwinReply, recordedAt?: string): Difference[] {
  // Error locations are line/column positions in the text that was sent; only an inline query is
  // that text (a document from a file or the index may be laid out differently).
  const diffs = diffBodies(ex.response, reply.body, undefined, { recordedAt, answeredAt: new Date() }).filter((d) => ex.querySource === "inline" || !/^errors\[\d+\]\.locations/.test(d.path));
  if (reply.status !== ex.status) diffs.unshift({ path: "<http status>", captured: ex.status, twin: reply.status });
  return diffs;
}

/**
 * Sends a request and judges the reply. The recorder polled reads of asynchronous work (media
 * processing, bulk operations) until they showed the state it recorded, while the replay runs
 * steps back to back; so a read whose only differences are such states is sent again for as long
 * as the twin's simulated processing can take. Mutations are never re-sent (their effect would
 * double), and any other difference is judged at once.
 */
export async function settle(send: () => Promise<TwinReply>, judgeReply: (reply: TwinReply) => Difference[], mayPoll: boolean, windowMs = POLL_WINDOW_MS) {
  let reply = await send();
  let diffs = judgeReply(reply);
  let judged = { reply, diffs };
  for (const deadline = Date.now() + windowMs; mayPoll && awaitsProcessing(diffs) && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
    reply = await send();
    diffs = judgeReply(reply);
    // The twin's processing can run past the recorded state (PROCESSING, then FAILED or READY) while
    // a difference that never settles keeps the polling going: an earlier answer that differed in
    // strictly fewer places (a subset of this one's) is the one closer to the recorded moment.
    if (!fewerPlaces(judged.diffs, diffs)) judged = { reply, diffs };
  }
  return judged;
}

/** Whether `a` differs at a strict subset of the paths `b` differs at. */
function fewerPlaces(a: Difference[], b: Difference[]): boolean {
  const paths = new Set(b.map((d) => d.path));
  return a.length < b.length && a.every((d) => paths.has(d.path));
}

// Fields whose value moves on by itself while Shopify processes work in the background.
const ASYNC_STATE_KEYS = new Set(["status", "fileStatus", "objectCount", "rootObjectCount", "fileSize", "url", "partialDataUrl", "completedAt", "done", "errorCode", "deletedProductId", "count"]);
const POLL_WINDOW_MS = 3_000;
const POLL_INTERVAL_MS = 200;
// …and search results, which include a new object once the search index has caught up.
const isAsyncStateDiff = (d: Difference) => ASYNC_STATE_KEYS.has(d.path.replace(/\[\d+\]/g, "").split(".").pop() ?? "") || /\.(nodes|edges)\.length$/.test(d.path);
const stillInProgress = (d: Difference) => /(^|\.)(status|fileStatus)$/.test(d.path) && ["READY", "COMPLETED"].includes(String(d.captured)) && ["UPLOADED", "PROCESSING", "CREATED", "RUNNING"].includes(String(d.twin));
const parentPath = (path: string) => path.slice(0, path.lastIndexOf("."));
/** Only states that move on by themselves differ, or other fields of an object whose `status` differs (an operation's result appears when it completes). */
function awaitsProcessing(diffs: Difference[]): boolean {
  if (!diffs.length) return false;
  if (diffs.every(isAsyncStateDiff)) return true;
  // The capture shows work finished that the twin still has in progress, and everything else that
  // differs is still missing in the twin (a product's featured image, its images' page info appear
  // when its media is processed: product-create-media-parity.json readyRead).
  if (diffs.some(stillInProgress) && diffs.every((d) => isAsyncStateDiff(d) || d.twin === null || d.twin === "<absent>")) return true;
  const owners = diffs.filter((d) => /(^|\.)status$/.test(d.path)).map((d) => `${parentPath(d.path)}.`);
  return owners.length > 0 && diffs.every((d) => isAsyncStateDiff(d) || owners.some((o) => d.path.startsWith(o)));
}

/**
 * Whether a difference concerns one of `foreign`: an enclosing captured object is one, or the captured value names one.
 * `twin` and `scenarioTwinIds` (the twin's gids paired with the scenario's own objects), when given, keep a list
 * of a foreign object unexplained where the twin's object at that place is one of the scenario's own.
 */
export function concernsForeign(d: Difference, captured: unknown, foreign: Set<string>, twin?: unknown, scenarioTwinIds: Set<string> = new Set()): boolean {
  if (!d.path.startsWith("data")) return false;
  // A list that differs in length: exactly by the foreign objects it holds, or a list of a foreign
  // object (a foreign collection's translations: localization-collection-translation-lifecycle.json).
  if (d.path.endsWith(".length")) {
    const steps = pathSteps(d.path.slice(0, -".length".length));
    const list = valueAt(captured, steps);
    if (!Array.isArray(list)) return false;
    const theirs = list.filter((item) => (JSON.stringify(item ?? null).match(GID) ?? []).some((g) => foreign.has(g))).length;
    if (theirs > 0 && list.length - theirs === Number(d.twin)) return true;
    // (…not when the twin's object there is one of the scenario's own: its list is the scenario's to judge)
    const own = (o: unknown) => isObject(o) && [o.id, o.resourceId].some((id) => typeof id === "string" && scenarioTwinIds.has(id));
    return steps.some((_, i) => { const o = valueAt(captured, steps.slice(0, i)); return isObject(o) && [o.id, o.resourceId].some((id) => typeof id === "string" && foreign.has(id)) && !own(valueAt(twin, steps.slice(0, i))); });
  }
  // A connection's page info follows from the objects in it.
  const page = /^(.*)\.pageInfo\.[A-Za-z]+$/.exec(d.path);
  if (page) return concernsForeign({ path: `${page[1]}.edges`, captured: null, twin: null }, captured, foreign) || concernsForeign({ path: `${page[1]}.nodes`, captured: null, twin: null }, captured, foreign);
  let node: unknown = captured;
  for (const step of pathSteps(d.path)) {
    if (node && typeof node === "object" && !Array.isArray(node)) {
      const o = node as Record<string, unknown>;
      if ([o.id, o.resourceId].some((id) => typeof id === "string" && foreign.has(id))) return true;
    }
    node = valueAt(node, [step]);
  }
  return [...(JSON.stringify(node ?? null).match(GID) ?? [])].some((g) => foreign.has(g));
}

/**
 * Whether the twin refused a mutation because of an object it cannot have: one of its userErrors
 * points (by `field`) at an input holding such an id, or an error message names one.
 */
export function twinRefusedForeign(body: unknown, variables: Record<string, unknown>, foreign: Set<string>): boolean {
  let refused = false;
  JSON.stringify(body ?? null, (k, v: unknown) => {
    if (refused) return undefined;
    if ((k === "userErrors" || k === "errors") && Array.isArray(v)) {
      for (const e of v as { field?: unknown; message?: unknown }[]) {
        const named = typeof e?.message === "string" ? e.message.match(GID) ?? [] : [];
        if (named.some((g) => foreign.has(g))) refused = true;
        if (Array.isArray(e?.field)) {
          const at = valueAt(variables, (e.field as unknown[]).map(String));
          if ((JSON.stringify(at ?? null).match(GID) ?? []).some((g) => foreign.has(g))) refused = true;
        }
      }
    }
    return v;
  });
  return refused;
}

/** A message that lists an enum's values ("to be one of: A, B") and differs only by values the twin's schema adds. */
export function enumGrew(d: Difference): boolean {
  if (typeof d.captured !== "string" || typeof d.twin !== "string") return false;
  const split = (m: string) => /^(.*to be one of: )([A-Z0-9_, ]+)(.*)$/s.exec(m);
  const [c, t] = [split(d.captured), split(d.twin)];
  if (!c || !t || c[1] !== t[1] || c[3] !== t[3]) return false;
  const values = (list: string) => new Set(list.split(",").map((v) => v.trim()));
  const [was, now] = [values(c[2]!), values(t[2]!)];
  return now.size > was.size && [...was].every((v) => now.has(v));
}

/**
 * An operation over the recorded catalogue (its captured objectCount is larger than everything the
 * scenario made) that was still in progress when recorded, while the twin's smaller catalogue is done.
 */
function overRecordedCatalogue(d: Difference, captured: unknown, made: number): boolean {
  const node = valueAt(captured, pathSteps(d.path).slice(0, -1));
  const count = node && typeof node === "object" ? Number((node as { objectCount?: unknown }).objectCount) : NaN;
  if (!(count > made)) return false;
  const key = d.path.split(".").pop() ?? "";
  if (key === "status") return ["CREATED", "RUNNING", "CANCELING"].includes(String(d.captured));
  if (["completedAt", "url", "fileSize"].includes(key)) return d.captured === null;
  return key === "objectCount" || key === "rootObjectCount";
}

/** A count over the recorded catalogue (productsCount, a bulk export's objectCount) where the twin counts no more than the scenario made. */
const countsRecordedCatalogue = (d: Difference, made: number) =>
  COUNT_KEYS.has(d.path.split(".").pop() ?? "") && Number(d.captured) > made && Number(d.twin) <= made;

/** Order names continue the shop's own numbering (#1001 on a new shop, #1718 after 717 orders): an Order's `name` only. */
const continuesOrderNumbers = (d: Difference) =>
  /(^|\.)(order|orders\.(nodes|edges)\[\d+\](\.node)?)\.name$/.test(d.path) && typeof d.captured === "string" && typeof d.twin === "string" && /^#\d+$/.test(d.captured) && /^#\d+$/.test(d.twin) && Number(d.captured.slice(1)) > Number(d.twin.slice(1));

// Fields of a rebuilt object that the rebuild sets to a placeholder or a default when no read showed them.
const UNRECORDED_FIELDS = new Set(["title", "handle", "status", "vendor", "productType", "tags", "descriptionHtml", "name", "type", "url", "width", "height", "src", "originalSrc", "altText", "alt"]);

const COUNT_KEYS = new Set(["objectCount", "rootObjectCount", "count"]);
const SETTLED = /"(fileStatus|status)":"(READY|COMPLETED)"/;
const processingTime = (twin: Twin) => {
  const d = simulatedDelays(twin.sandbox.state);
  return Math.max(d.fileProcessingMs, d.bulkStartMs + d.bulkRunMs) + 200;
};

async function sendWithRetry(twin: Twin, payload: Parameters<typeof postGraphql>[1]): Promise<TwinReply> {
  // The twin's bucket refills at 100/s like Shopify's; long scenarios wait instead of failing.
  for (let attempt = 0; ; attempt++) {
    const reply = await postGraphql(twin, payload);
    const body = reply.body as { errors?: { extensions?: { code?: string } }[]; extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: { currentlyAvailable?: number } } } };
    if (attempt >= 3 || body?.errors?.[0]?.extensions?.code !== "THROTTLED") return reply;
    const cost = body.extensions?.cost;
    const missing = (cost?.requestedQueryCost ?? 100) - (cost?.throttleStatus?.currentlyAvailable ?? 0);
    await new Promise((r) => setTimeout(r, Math.max(50, missing * 10 + 20)));
  }
}

// Captured ids the twin knows under another id, and the recording app's client id (in ARNs,
// app-- namespaces) replaced by the twin app's. Ids also sit inside strings: search queries and
// filters name an object by its number (`id:8072963391794`, `customer_id:…`), and pagination
// passes back an opaque cursor; a cursor is replaced by the twin's own cursor seen at the same
// path of an earlier paired response (cursor -> cursor is the honest pairing; none is minted).
const twinClientId = apiClientId(TWIN_API_KEY);
export function rewriteIds(text: string, ids: Map<string, string>, cursors: Map<string, string> = new Map()): string {
  let out = text.replaceAll(RECORDED_API_CLIENT_ID, twinClientId);
  // Longest first: a full staged resourceUrl before the bare bucket URL it starts with.
  for (const [captured, twin] of [...cursors].sort((a, b) => b[0].length - a[0].length)) out = out.replaceAll(captured, twin);
  if (!ids.size) return out;
  const numbers = numericPairs(ids);
  // A gid the twin never answered under its own type (the recording names a MediaImage as Video)
  // keeps its type and takes the twin's number.
  const viaNumber = (g: string) => g.replace(/\/(\d+)$/, (whole, n: string) => (numbers.has(n) ? `/${numbers.get(n)}` : whole));
  return out.replace(new RegExp(`${GID.source}|\\b\\d{6,}\\b`, "g"), (m) => (m.startsWith("gid://") ? ids.get(m) ?? viaNumber(m) : numbers.get(m) ?? m));
}

/** captured numeric id -> twin numeric id, from the gid pairs (ambiguous numbers are left alone). */
function numericPairs(ids: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [c, t] of ids) {
    const [cn, tn] = [/\/(\d+)$/.exec(c)?.[1], /\/(\d+)$/.exec(t)?.[1]];
    if (!cn || !tn) continue;
    if (out.has(cn) && out.get(cn) !== tn) ambiguous.add(cn);
    out.set(cn, tn);
  }
  for (const n of ambiguous) out.delete(n);
  return out;
}

const CURSOR_KEYS = new Set(["cursor", "startCursor", "endCursor"]);

/** Pairs captured and twin gids (and cursors) found at the same path of the two responses. */
export function learnIds(captured: unknown, twin: unknown, ids: Map<string, string>, cursors?: Map<string, string>, key?: string): void {
  if (typeof captured === "string" && typeof twin === "string") {
    if (cursors && key && CURSOR_KEYS.has(key) && captured.length >= 8 && captured !== twin && !cursors.has(captured)) cursors.set(captured, twin);
    const c = /^gid:\/\/shopify\/([A-Za-z0-9]+)\//.exec(captured);
    if (c && captured !== twin && twin.startsWith(`gid://shopify/${c[1]}/`) && !ids.has(captured)) ids.set(captured, twin);
    return;
  }
  if (Array.isArray(captured) && Array.isArray(twin)) {
    captured.forEach((v, i) => learnIds(v, twin[i], ids, cursors, key));
    return;
  }
  if (captured && twin && typeof captured === "object" && typeof twin === "object") {
    for (const [k, v] of Object.entries(captured)) learnIds(v, (twin as Record<string, unknown>)[k], ids, cursors, k);
  }
}

// --- staged uploads -------------------------------------------------------------------------
// The recording uploaded bytes to the target stagedUploadsCreate returned (Google Cloud Storage);
// the replay uploads the same recorded bytes to the target the twin returned, the same way (PUT
// to a signed URL, or a multipart POST of the form parameters plus the file), and later requests
// name the twin's key/URL instead of the captured one (paired like ids, see learnStagedTargets).

interface StagedTarget { url?: string | null; resourceUrl?: string | null; parameters?: { name?: string; value?: string }[] }
export interface StagedTargetPair { captured: StagedTarget; twin: StagedTarget }

const keyOf = (t: StagedTarget) => t.parameters?.find((p) => p.name === "key")?.value;
/** The object key a target names: its `key` form field (POST) or the path of its signed URL (PUT). */
export function objectKey(t: StagedTarget): string | undefined {
  const form = keyOf(t);
  if (form) return form;
  const url = t.url ?? t.resourceUrl;
  if (!url) return undefined;
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\/(staged-uploads|shopify-staged-uploads)\//, "/").slice(1);
  return path || undefined;
}

/** Pairs the captured and twin stagedUploadsCreate targets by position, and their keys/URLs as strings. */
export function learnStagedTargets(captured: unknown, twin: unknown, targets: StagedTargetPair[], strings: Map<string, string>): void {
  const list = (d: unknown) => ((d as { stagedUploadsCreate?: { stagedTargets?: StagedTarget[] } } | null | undefined)?.stagedUploadsCreate?.stagedTargets ?? []);
  const twinTargets = list(twin);
  list(captured).forEach((c, i) => {
    const t = twinTargets[i];
    if (!c?.url || !t?.url) return;
    targets.push({ captured: c, twin: t });
    const pairs: [unknown, unknown][] = [[objectKey(c), objectKey(t)], [c.resourceUrl, t.resourceUrl], [c.url, t.url]];
    for (const [a, b] of pairs) if (typeof a === "string" && typeof b === "string" && a !== b && !strings.has(a)) strings.set(a, b);
  });
}

export const UPLOAD_CATEGORY = {
  noBytes: "staged upload bytes not recorded (only status/size)",
  noTarget: "staged upload has no twin target (stagedUploadsCreate did not answer one)",
  differs: "staged upload answered a different HTTP status",
} as const;

async function replayUpload(twin: Twin, upload: StagedUploadStep, targets: StagedTargetPair[]): Promise<Outcome> {
  if (upload.content === undefined) return { status: "unreplayable", category: UPLOAD_CATEGORY.noBytes, detail: upload.sizeBytes !== undefined ? `${upload.sizeBytes} bytes` : "no uploadContent" };
  const pair = (upload.key ? targets.find((p) => objectKey(p.captured) === upload.key) : undefined) ?? targets[targets.length - 1];
  if (!pair?.twin.url) return { status: "failed", category: UPLOAD_CATEGORY.noTarget, detail: upload.key ?? "no earlier stagedUploadsCreate", diffs: [] };
  const status = await uploadTo(twin, pair.twin, upload.content);
  return status === upload.status ? { status: "passed" } : { status: "failed", category: UPLOAD_CATEGORY.differs, detail: `HTTP ${status}`, diffs: [{ path: "<http status>", captured: upload.status, twin: status }] };
}

/** PUT to a signed URL, or POST the form (parameters first, file last) when the target carries a key. */
export async function uploadTo(_twin: Twin, target: StagedTarget, content: string): Promise<number> {
  const key = keyOf(target);
  if (!key) {
    const contentType = target.parameters?.find((p) => p.name === "content_type")?.value;
    const res = await fetch(target.url!, { method: "PUT", body: content, headers: contentType ? { "content-type": contentType } : {} });
    await res.arrayBuffer();
    return res.status;
  }
  const form = new FormData();
  for (const p of target.parameters ?? []) if (p.name && p.value !== undefined) form.append(p.name, p.value);
  const type = target.parameters?.find((p) => p.name === "Content-Type")?.value ?? "application/octet-stream";
  form.append("file", new Blob([content], { type }), key.split("/").pop());
  const res = await fetch(target.url!, { method: "POST", body: form });
  await res.arrayBuffer();
  return res.status;
}

function classify(ex: Exchange, reply: TwinReply, diffs: Difference[], created: Set<string>, isMutation: boolean, unreplayed = new Map<string, string>(), unknownState = new Set<string>(), twinSeed: TwinSeed = { twinMade: new Set(), firstStepId: 0 }, notRebuilt: NotRebuilt = { objects: new Set(), fields: new Map() }, scenarioPins: (definitionGid: string) => number | undefined = () => undefined, twinIds = new Map<string, string>(), pinGaps = new Set<number>()): Outcome {
  const body = reply.body as { errors?: { message?: string; extensions?: { code?: string } }[] } | null;
  if (!body || typeof body !== "object") return { status: "failed", category: CATEGORY.transport, detail: `HTTP ${reply.status}`, diffs };
  const twinErrors = body.errors ?? [];
  const notImplemented = twinErrors.filter((e) => e.extensions?.code === "NOT_IMPLEMENTED_IN_SANDBOX");
  if (notImplemented.length) return { status: "failed", category: CATEGORY.notImplemented, detail: notImplemented[0]!.message ?? "", diffs };

  // A .graphql document (documentPath / index) may have been edited after the capture: Shopify
  // answers every selected field, so a field the twin answered and the capture lacks entirely
  // means the document selects more than was sent; a field the capture holds that the document
  // does not select at all means another version of it was sent. Only when EVERY difference is
  // such a field. Inline queries are exactly what was sent. (Not when a __typename differs or the
  // field sits under a type condition: then the object is of another type than Shopify's.)
  if (ex.querySource !== "inline" && !diffs.some((d) => d.path.endsWith("__typename"))) {
    const added = (d: Difference) => d.captured === "<absent>" && d.twin !== "<absent>" && d.path.startsWith("data.") && selectsUnconditionally(ex.query ?? "", d.path.slice("data.".length));
    const missing = (d: Difference) => !twinErrors.length && d.twin === "<absent>" && d.captured !== "<absent>" && d.path.startsWith("data.") && !selectsAtAll(ex.query ?? "", d.path.slice("data.".length));
    if (diffs.every((d) => added(d) || missing(d))) {
      const first = diffs[0]!;
      return { status: "incomparable", category: CATEGORY.documentChanged, detail: `${ex.documentPath ?? "document"} ${added(first) ? "selects" : "does not select"} ${first.path.replace(/\[\d+\]/g, "[]")}`, diffs };
    }
  }

  // Objects an earlier step of this scenario made but could not be replayed (no query text). A
  // mutation whose request names one cannot work on it; a read depends on it only where every
  // difference concerns such an object (`currentBulkOperation` showing it).
  if (unreplayed.size) {
    const text = requestText(ex);
    const names = (g: string) => text.includes(g) || (g.startsWith("gid://") && new RegExp(`\\b${g.replace(/^.*\//, "")}\\b`).test(text));
    const dependency = [...unreplayed].find(([g]) => names(g));
    if (dependency) return { status: "incomparable", category: CATEGORY.unreplayableSetup, detail: `${dependency[1]} (${dependency[0].replace(/\/\d+$/, "")})`, diffs };
    const shown = new Set([...unreplayed.keys()].filter((g) => g.startsWith("gid://")));
    const seen = [...shown].find((g) => JSON.stringify(ex.response.data ?? null).includes(g));
    if (!isMutation && seen && diffs.every((d) => concernsForeign(d, ex.response, shown))) {
      return { status: "incomparable", category: CATEGORY.unreplayableSetup, detail: `${unreplayed.get(seen)} (${seen.replace(/\/\d+$/, "")})`, diffs };
    }
  }

  // Objects the real shop already had: the request names them, or a read returns them, and no
  // earlier step of this scenario created them. Only when every difference sits on such an object
  // (inside it, naming it, or a list that differs by exactly those objects): a difference on the
  // scenario's own objects in the same answer stays a failure.
  const requestIds: string[] = requestText(ex).match(GID) ?? [];
  // Ids a response names only inside userErrors did not need to exist (a rejected reference).
  const responseIds: string[] = JSON.stringify(ex.response.data ?? null, (k, v: unknown) => (k === "userErrors" ? undefined : v)).match(GID) ?? [];
  const foreign = new Set(isMutation ? requestIds.filter((g) => !created.has(g) && responseIds.includes(g)) : responseIds.filter((g) => !created.has(g)));
  // …and, in a mutation's answer too, objects the shop had that hydrate.ts found but could not rebuild (hydrate.ts notRebuilt).
  for (const g of responseIds) if (notRebuilt.objects.has(g) && !created.has(g)) foreign.add(g);
  // Objects rebuilt without their recorded values: only those unrecorded fields are unknown.
  const rebuiltUnknown = (d: Difference) => UNRECORDED_FIELDS.has(d.path.split(".").pop() ?? "") && concernsForeign(d, ex.response, unknownState);
  // (…and a newest-first page whose next page can hold none of the scenario's own objects: recorded-pages.ts.)
  const own = new Set([...created, ...unreplayed.keys()]);
  const overCatalogue = (d: Difference) => countsRecordedCatalogue(d, created.size) || overRecordedCatalogue(d, ex.response, created.size) || continuesOrderNumbers(d) || nextPageIsRecordedShops(d, ex, diffs, own)
    || fileOfRecordedCatalogue(d, ex.response, reply.body, created.size) || cancelRefusedOverRecordedCatalogue(d, ex.response, reply.body, created.size) || continuesPinnedPositions(d, reply.body, scenarioPins, pinGaps)
    || stillRunningOverRecordedCatalogue(d, ex.response, created.size, operationCountsOf(ex));
  const scenarioTwinIds = new Set([...created].flatMap((c) => (twinIds.get(c) ? [twinIds.get(c)!] : [])));
  const explained = (d: Difference) => atUnsettableField(d, ex.response, notRebuilt.fields) || concernsForeign(d, ex.response, foreign, reply.body, scenarioTwinIds) || overCatalogue(d) || rebuiltUnknown(d) || listOfPreexistingOnly(d, ex.response, reply.body, foreign, twinSeed);
  if ((foreign.size || unknownState.size || notRebuilt.fields.size) && (diffs.every(explained) || (isMutation && foreign.size && twinRefusedForeign(reply.body, ex.variables, foreign)))) {
    return { status: "incomparable", category: CATEGORY.preExisting, detail: foreign.size ? `e.g. ${[...foreign][0]}` : "values of a rebuilt object no read showed", diffs };
  }
  // Counts over the recorded shop's catalogue (a bulk export's objectCount, productsCount) while
  // the twin counts exactly what the scenario made, and continued order numbers.
  if (diffs.every(overCatalogue)) {
    const after = diffs.every((d) => d.path.endsWith(".pageInfo.hasNextPage"));
    return { status: "incomparable", category: CATEGORY.preExisting, detail: after ? "the recorded shop's own objects after a newest-first page" : `the recorded shop's catalogue or order history (captured ${String(diffs[0]!.captured)})`, diffs };
  }

  // Introspection describes the API version it ran on (the captures are of 2025-01 and 2026-04):
  // only differences under the __type/__schema fields.
  const introspection = (operationOf(ex)?.selectionSet.selections ?? []).filter((sel): sel is FieldNode => sel.kind === Kind.FIELD && /^__(type|schema)$/.test(sel.name.value)).map((sel) => `data.${sel.alias?.value ?? sel.name.value}`);
  if (introspection.length && diffs.every((d) => introspection.some((p) => d.path === p || d.path.startsWith(`${p}.`)))) {
    return { status: "incomparable", category: CATEGORY.schema, detail: "introspection of the recorded API version", diffs };
  }
  // An enum that gained values after the recording: the refusal lists the newer schema's values.
  if (diffs.every((d) => enumGrew(d))) return { status: "incomparable", category: CATEGORY.schema, detail: "enum values added since the recorded version", diffs };

  // The twin refuses the document or its variables against 2026-07 where the older version took
  // them: a field, argument or input field removed since (a variable refused only for its value
  // is not schema drift and stays a failure).
  const capturedCodes = new Set((ex.response.errors ?? []).map((e) => (e as { extensions?: { code?: string } }).extensions?.code));
  const schemaError = twinErrors.find((e) => VALIDATION_CODES.has(e.extensions?.code ?? "") && !capturedCodes.has(e.extensions?.code) && (e.extensions?.code !== "INVALID_VARIABLE" || /is not defined on|to be one of/.test(JSON.stringify(e))));
  if (schemaError) return { status: "incomparable", category: CATEGORY.schema, detail: schemaError.message ?? "", diffs };

  const twinOnlyError = !Object.hasOwn(body, "data") && twinErrors[0]?.message;
  const detail = twinOnlyError ? `twin answered only errors: ${twinOnlyError}` : diffs[0]!.path.replace(/\[\d+\]/g, "[]");
  return { status: "failed", category: CATEGORY.differs, detail, diffs };
}
