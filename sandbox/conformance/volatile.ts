import { apiClientId } from "../shopify/platform/app-identity";

// The ONLY differences the conformance run forgives: values that legitimately differ between the
// recorded Shopify store and a fresh twin. Every entry says why. Each rule either ignores a value
// outright or rewrites both sides to a canonical form before they are compared (so an id must
// still be an id of the same type, a timestamp must still be a timestamp, a null stays a null).

/** The recording app's numeric API client id (quirks.md §3) and the twin app's, derived from its API key. */
export const RECORDED_API_CLIENT_ID = "347082227713";
// The twin's app carries the recording app's API key (App.apiKey is compared); its numeric client id is the twin's own.
export const TWIN_API_KEY = "0db6d7e08e4ba05ce97440df36c7ed33";
const clientIds = new RegExp(`${RECORDED_API_CLIENT_ID}|${apiClientId(TWIN_API_KEY)}`, "g");

export interface VolatileRule {
  id: string;
  reason: string;
  /** Canonical form of a value at `path` (keys and indices from the body root), or undefined to leave it. */
  canonical(path: readonly (string | number)[], value: unknown): unknown;
  /** For a rule that needs both sides and the recording's time: the captured and twin objects at the same path, canonicalized, or undefined to leave them. */
  canonicalPair?(captured: Record<string, unknown>, twin: Record<string, unknown>, context: CompareContext): [Record<string, unknown>, Record<string, unknown>] | undefined;
}

/** What a comparison knows besides the two bodies: when the capture was recorded (its file's `capturedAt`) and when the twin answered. */
export interface CompareContext { recordedAt?: string; answeredAt?: Date }

const GID = /gid:\/\/shopify\/([A-Za-z0-9]+)\/[^\s"',\]}?]+/g;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
// The twin's own staged-upload targets (staged-uploads.ts): loopback origin, /staged-uploads/ path.
const TWIN_STAGED_URL = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/(staged-uploads|bulk-operation-outputs)(\/|\?|$)/;
const last = (path: readonly (string | number)[]) => path[path.length - 1];
const under = (path: readonly (string | number)[], ...keys: string[]) => keys.every((k, i) => path[i] === k);

export const VOLATILE_RULES: VolatileRule[] = [
  {
    id: "gid-numbers",
    reason: "Global ids are assigned by the store that created the object; the twin assigns its own. The type part (gid://shopify/<Type>/) must still match, also inside messages.",
    canonical: (_p, v) => (typeof v === "string" && v.includes("gid://shopify/") ? v.replace(GID, "gid://shopify/$1/<id>") : undefined),
  },
  {
    id: "timestamps",
    reason: "createdAt/updatedAt/… record when the capture ran. The value must still be an ISO-8601 timestamp (or null where the capture has null).",
    canonical: (_p, v) => (typeof v === "string" && ISO_TIME.test(v) ? "<timestamp>" : undefined),
  },
  {
    id: "cursors",
    reason: "Connection cursors are opaque and encode store-internal ids/sort values. Presence and null-ness are still compared.",
    canonical: (p, v) => (typeof v === "string" && ["cursor", "startCursor", "endCursor"].includes(String(last(p))) ? "<cursor>" : undefined),
  },
  {
    id: "cost-numbers",
    reason: "extensions.cost requested/actual/currentlyAvailable depend on the bucket's history and on Shopify's per-field prices, which the cost model only approximates (its accuracy is measured separately by tests/sandbox/conformance/cost-model.test.ts). maximumAvailable and restoreRate are still compared.",
    canonical: (p, v) =>
      under(p, "extensions", "cost") && ["requestedQueryCost", "actualQueryCost", "currentlyAvailable"].includes(String(last(p))) && (typeof v === "number" || v === null)
        ? "<cost>"
        : undefined,
  },
  {
    id: "request-ids",
    reason: "INTERNAL_SERVER_ERROR carries Shopify's per-request id (extensions.requestId).",
    canonical: (p, v) => (last(p) === "requestId" && typeof v === "string" ? "<request-id>" : undefined),
  },
  {
    id: "app-client-id",
    reason: "App-owned namespaces/types (app--347082227713--x), EventBridge ARNs and some messages embed the recording app's api_client_id; the twin's app has its own (requests are rewritten to it, responses compared with either id as <api-client-id>).",
    canonical: (_p, v) => {
      const out = typeof v === "string" ? v.replace(clientIds, "<api-client-id>") : v;
      return out !== v ? out : undefined;
    },
  },
  {
    id: "compare-digest",
    reason: "Metafield compareDigest is an opaque hash over Shopify-internal state (treat as opaque, quirks.md §3); only its 64-hex form is compared.",
    canonical: (p, v) => (last(p) === "compareDigest" && typeof v === "string" && /^[0-9a-f]{64}$/.test(v) ? "<digest>" : undefined),
  },
  {
    id: "signed-storage-urls",
    reason: "Staged-upload and bulk-result URLs are signed URLs with per-request keys and expiry: Shopify's are Google Cloud Storage URLs, the twin's are signed URLs on its own origin (`/staged-uploads/…`, `/bulk-operation-outputs/…`; by design: the bytes must reach the twin and come from it). Only a signed storage URL matches another; any other URL is compared exactly.",
    canonical: (_p, v) =>
      typeof v === "string" && (/^https:\/\/([a-z0-9-]+\.)?storage\.googleapis\.com(\/|\?|$)/.test(v) || TWIN_STAGED_URL.test(v)) ? "<signed-storage-url>" : undefined,
  },
  {
    id: "cdn-file-urls",
    reason: "File URLs on Shopify's CDN carry the store's own path (cdn.shopify.com/s/files/1/0928/9125/0994/files/…) and a version stamp (?v=<upload time>); the twin serves its CDN stand-in on its own origin (/cdn/shop/files/…). The file name must still match, except a UUID Shopify adds to name a file that came without one (png_<uuid>.png).",
    canonical: (_p, v) => {
      if (typeof v !== "string") return undefined;
      const m = /^(?:https:\/\/cdn\.shopify\.com\/s\/files(?:\/\d+)+\/files|http:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?\/cdn\/(?:shop|shopify\/s\/files(?:\/\d+)+)\/files)\/([^?#]+)(?:\?v=\d+)?$/.exec(v);
      return m ? `<cdn>/files/${m[1]!.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")}` : undefined;
    },
  },
  {
    id: "signed-preview-urls",
    reason: "An unpublished product's onlineStorePreviewUrl is a signed password-bypass link on the shop's preview host (https://<16 alphanumerics>-<shop id>.shopifypreview.com/products_preview?preview_key=<32 hex>&_bt=<base64 token>--<40 hex>, product-update-parity.json): the host label, shop id, key, the token's expiry (issue time + 1 h) and its signature are minted per shop and request. The path, the token's message (the shop's domain) and purpose must still match; a published product's plain storefront URL is compared exactly.",
    canonical: (_p, v) => {
      const m = typeof v === "string" ? /^https:\/\/[a-z0-9]{16}-\d+\.shopifypreview\.com\/products_preview\?preview_key=[0-9a-f]{32}&_bt=([A-Za-z0-9+/]+=*)--[0-9a-f]{40}$/.exec(v) : null;
      if (!m) return undefined;
      try {
        const token = JSON.parse(Buffer.from(m[1]!, "base64").toString("utf8")) as { _rails?: { message?: unknown; exp?: unknown; pur?: unknown } };
        if (typeof token._rails?.exp !== "string" || !ISO_TIME.test(token._rails.exp)) return undefined;
        return `<preview-host>.shopifypreview.com/products_preview?preview_key=<key>&_bt=${JSON.stringify({ message: token._rails.message, pur: token._rails.pur })}`;
      } catch {
        return undefined;
      }
    },
  },
  {
    id: "new-media-status-race",
    reason: "Right after productCreateMedia, Shopify answers a new media's status as UPLOADED or PROCESSING with nothing in the request deciding which (15 captured payloads: 11 UPLOADED, 4 PROCESSING, even within one payload: `media` UPLOADED while `product.media` shows PROCESSING). Only in productCreateMedia payloads, only these two values.",
    canonical: (p, v) => (p[1] === "productCreateMedia" && last(p) === "status" && (v === "UPLOADED" || v === "PROCESSING") ? "<uploaded-or-processing>" : undefined),
  },
  {
    id: "generated-handle-suffix",
    reason: "A metaobject created without a handle gets `<display-name or type slug>-<8 random lowercase alphanumerics>` (quirks §4), and a definition without a display-name field shows that tail as `… #<8 uppercase>`. Only that random tail is ignored, only in metaobjectCreate payloads (an upsert always names its handle).",
    canonical: (p, v) => {
      if (typeof v !== "string" || p[1] !== "metaobjectCreate") return undefined;
      if (last(p) === "handle" && /-[a-z0-9]{8}$/.test(v)) return v.replace(/-[a-z0-9]{8}$/, "-<random>");
      if (last(p) === "displayName" && / #[A-Z0-9]{8}$/.test(v)) return v.replace(/ #[A-Z0-9]{8}$/, " #<random>");
      return undefined;
    },
  },
  {
    id: "bulk-file-size",
    reason: "A bulk result file's size (BulkOperation.fileSize) counts the bytes of the ids it holds, which are the store's own (the twin's gids have fewer digits). It must still be a byte count, or null where the capture has null.",
    canonical: (p, v) => (last(p) === "fileSize" && typeof v === "string" && /^\d+$/.test(v) ? "<byte-count>" : undefined),
  },
  {
    id: "upload-signatures",
    reason: "Staged-upload form parameters that are signatures, policies, credentials (24+ url/base64/hex characters) the signing date-time stamp (x-goog-date, `20260505T200341Z`), the signing service account (GoogleAccessId) and the signing account and date of a GOOG4 credential scope (`<account>/<yyyymmdd>/auto/storage/goog4_request`: the twin cannot sign as Shopify's Google service account) are minted per request; the rest of the credential scope must match. Other parameter values (content type, acl, status) are compared exactly.",
    canonical: (p, v) => {
      if (typeof v !== "string" || !p.includes("parameters") || last(p) !== "value") return undefined;
      if (/^\d{8}T\d{6}Z$/.test(v)) return "<signing-date-time>";
      if (/^[^\s@/]+@[^\s@/]+\.[a-z]+$/.test(v)) return "<signing-account>"; // GoogleAccessId: a service account's address
      const scope = /^[^\s/@]+@[^\s/]+\/\d{8}(\/auto\/storage\/goog4_request)$/.exec(v);
      if (scope) return `<signing-account>/<yyyymmdd>${scope[1]}`;
      return /^[A-Za-z0-9+/=_%:.-]{24,}$/.test(v) ? "<signed-parameter>" : undefined;
    },
  },
  {
    id: "zone-offset-at-recorded-time",
    reason: "Shop.timezoneAbbreviation/timezoneOffset/timezoneOffsetMinutes are the shop's IANA zone (`ianaTimezone`, which must match) at the moment of the request: the capture answered at its recorded time (the file's `capturedAt`; store-properties-baseline.json, 2026-04-25, America/Toronto: EDT, -0400, -240), the twin at the replay's. A value is forgiven only when the captured one is the zone's offset throughout the hour either side of the recorded time and the twin's is the zone's offset when it answered; a capture without `capturedAt` is compared exactly.",
    canonical: () => undefined,
    canonicalPair: (captured, twin, context) => {
      const zone = captured.ianaTimezone;
      if (typeof zone !== "string" || twin.ianaTimezone !== zone || !context.recordedAt || !ISO_TIME.test(context.recordedAt)) return undefined;
      const recorded = Date.parse(context.recordedAt);
      const window = [recorded - HOUR_MS, recorded, recorded + HOUR_MS].map((t) => zoneOffsetAt(zone, new Date(t)));
      if (!window[0] || window.some((w) => JSON.stringify(w) !== JSON.stringify(window[0]))) return undefined; // (a change of offset near the recorded time)
      const then = window[0];
      const now = zoneOffsetAt(zone, context.answeredAt ?? new Date());
      if (!now) return undefined;
      const [c, t] = [{ ...captured }, { ...twin }];
      let changed = false;
      for (const key of Object.keys(then) as (keyof ZoneOffset)[]) {
        if (key in captured && captured[key] === then[key] && twin[key] === now[key]) { c[key] = t[key] = `<offset of ${zone}>`; changed = true; }
      }
      return changed ? [c, t] : undefined;
    },
  },
];

const HOUR_MS = 3_600_000;
interface ZoneOffset { timezoneAbbreviation: string; timezoneOffset: string; timezoneOffsetMinutes: number }
/** An IANA zone's abbreviation and UTC offset at an instant (Intl), or undefined for an unknown zone. */
export function zoneOffsetAt(zone: string, at: Date): ZoneOffset | undefined {
  try {
    const part = (timeZoneName: "short" | "longOffset") => new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(part("longOffset"));
    if (!m) return undefined;
    const minutes = m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    const abs = Math.abs(minutes);
    return { timezoneAbbreviation: part("short"), timezoneOffset: `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`, timezoneOffsetMinutes: minutes };
  } catch {
    return undefined;
  }
}

/** Both objects after every rule that judges a pair (rules that need the other side or the recording's time). */
export function canonicalizePair(captured: Record<string, unknown>, twin: Record<string, unknown>, context: CompareContext): [Record<string, unknown>, Record<string, unknown>] {
  let pair: [Record<string, unknown>, Record<string, unknown>] = [captured, twin];
  for (const rule of VOLATILE_RULES) pair = rule.canonicalPair?.(pair[0], pair[1], context) ?? pair;
  return pair;
}

/** The value after every applicable rule (rules compose: a message may hold a gid and an app namespace). */
export function canonicalize(path: readonly (string | number)[], value: unknown): unknown {
  let out = value;
  for (const rule of VOLATILE_RULES) {
    const next = rule.canonical(path, out);
    if (next !== undefined) out = next;
  }
  return out;
}
