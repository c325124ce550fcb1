import type { Exchange } from "../normalize";

// Some answers carry the time Shopify issued them: an unpublished product's onlineStorePreviewUrl
// holds a signed password-bypass token (`_bt`) whose `exp` is the issue time plus one hour, to the
// millisecond. When such times show that the recorder sent steps in another order than the
// capture file lists them (product-update-parity.json: `validation.blankTitle` was issued at
// 15:53:50.269, before `mutation` at 15:53:52.097, and its answer shows the product before that
// update), those steps are replayed in the order of their issue times. Only steps that carry a
// time move, and only into the places such steps held; every other step keeps its place.

const PREVIEW_TOKEN = /shopifypreview\.com\/products_preview\?preview_key=[0-9a-f]+&_bt=([A-Za-z0-9+/]+=*)--[0-9a-f]+/g;

/** The earliest issue expiry (ms) of the preview tokens in a step's own answer, if any. */
export function issueTime(ex: Exchange): number | undefined {
  let earliest: number | undefined;
  for (const m of JSON.stringify(ex.response?.data ?? null).matchAll(PREVIEW_TOKEN)) {
    try {
      const exp = (JSON.parse(Buffer.from(m[1]!, "base64").toString("utf8")) as { _rails?: { exp?: unknown } })._rails?.exp;
      const t = typeof exp === "string" ? Date.parse(exp) : NaN;
      if (Number.isFinite(t)) earliest = earliest === undefined ? t : Math.min(earliest, t);
    } catch {
      // not a token of that shape: no time
    }
  }
  return earliest;
}

/** The exchanges with the steps that carry an issue time reordered among their own places by that time. */
export function inIssueOrder(exchanges: Exchange[]): Exchange[] {
  const timed = exchanges.flatMap((ex, i) => {
    const t = issueTime(ex);
    return t === undefined ? [] : [{ ex, i, t }];
  });
  if (timed.length < 2) return exchanges;
  const sorted = [...timed].sort((a, b) => a.t - b.t || a.i - b.i);
  const out = [...exchanges];
  timed.forEach((slot, k) => { out[slot.i] = sorted[k]!.ex; });
  return out;
}
