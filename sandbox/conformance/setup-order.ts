import type { Exchange } from "./normalize";
import { GID_NUMBER, newestFirstPages } from "./recorded-pages";
import { ANY_GID, isMutationStep } from "./steps";

// Some captures store a scenario's setup after the cases that use it, and the spec index lists only
// the cases, so neither the document order nor the index order can be the recording order: a case
// names an object that a later-stored setup step creates (media-file-filename-extension-case-
// sensitivity.json: `cases.fileUpdateCaseMismatch` updates the GenericFile that `setup.fileCreate`,
// stored after the cases, created and `setup.hydrate` then read as READY). The setup ran first: the
// setup mutation whose answer first shows the object is moved, with the steps stored in the same
// setup group after it (its reads), to just before the first step that uses the object. Only a
// mutation stored under a `setup…` key counts as the maker (a read's answer also shows objects the
// recorded shop already had; a case's mutation may well have run after its read).

const requestGids = (ex: Exchange) => new Set(`${ex.query ?? ""} ${JSON.stringify(ex.variables)}`.match(ANY_GID) ?? []);
const parentOf = (path: string) => path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");

const SETUP = /[.[]setup[A-Za-z]*(\]|\.|\[|$)/i;
const isSetupMutation = (ex: Exchange) => SETUP.test(ex.path) && isMutationStep(ex);

/** The first use of an object before the setup mutation that made it: [user index, maker index]. */
function firstEarlyUse(order: Exchange[]): [number, number] | undefined {
  const requested = order.map(requestGids);
  const shown = new Set<string>();
  const maker = new Map<string, number>();
  order.forEach((ex, i) => {
    for (const g of JSON.stringify(ex.response.data ?? null).match(ANY_GID) ?? []) {
      if (!requested[i]!.has(g) && !shown.has(g) && isSetupMutation(ex)) maker.set(g, i);
      shown.add(g);
    }
  });
  for (let i = 0; i < order.length; i++) {
    const made = [...requested[i]!].map((g) => maker.get(g) ?? -1).filter((j) => j > i);
    if (made.length) return [i, Math.min(...made)];
  }
  return undefined;
}

export function makersFirst(order: Exchange[]): Exchange[] {
  let out = [...order];
  for (let guard = 0; guard < order.length; guard++) {
    const early = firstEarlyUse(out);
    if (!early) return out;
    const [user, maker] = early;
    const group = parentOf(out[maker]!.path);
    const inGroup = (ex: Exchange) => group !== "$" && (ex.path.startsWith(`${group}.`) || ex.path.startsWith(`${group}[`));
    const moved = out.filter((ex, k) => k === maker || (k > maker && inGroup(ex)));
    const rest = out.filter((ex) => !moved.includes(ex));
    const at = rest.indexOf(out[user]!);
    out = [...rest.slice(0, at), ...moved, ...rest.slice(at)];
  }
  return out;
}

// The other way round: a setup stored before a read that ran before it. A read's first page of a
// newest-first list (recorded-pages.ts; no cursor, no search) shows what existed when it ran: an
// object of a type the list holds that a setup mutation made, newer than the page's oldest node (or
// any, when the page was not full), and not on the page, did not exist yet (media-file-update-
// source-semantics.json: `reads.imageAfterOriginalSource`, `files(first: 1, reverse: true)`, shows the
// image although `setup.genericCreate`, stored before it, made a newer GenericFile). That setup ran
// after the read: its mutation, with the later steps of its group that name or show the object, moves
// to just before the first later step that names one of the objects it made, or right after the read.
// Nothing moves when a step between them names one of those objects.

const mentions = (ex: Exchange, g: string) => `${ex.query ?? ""} ${JSON.stringify(ex.variables)} ${JSON.stringify(ex.response.data ?? null)}`.includes(g);

/** [read index, setup mutation index, an object it made that the read's page shows did not exist yet]. */
function setupAfterRead(order: Exchange[]): [number, number, string] | undefined {
  const requested = order.map(requestGids);
  const madeBy = new Map<number, string[]>();
  const shown = new Set<string>();
  order.forEach((ex, i) => {
    for (const g of JSON.stringify(ex.response.data ?? null).match(ANY_GID) ?? []) {
      if (!requested[i]!.has(g) && !shown.has(g) && isSetupMutation(ex)) madeBy.set(i, [...(madeBy.get(i) ?? []), g]);
      shown.add(g);
    }
  });
  for (let r = 0; r < order.length; r++) {
    if (isMutationStep(order[r]!)) continue;
    for (const page of newestFirstPages(order[r]!).filter((p) => !p.narrowed)) {
      const oldest = page.ids.reduce((min, n) => (n < min ? n : min), page.ids[0] ?? 0n);
      for (const [m, made] of madeBy) {
        if (m >= r) continue;
        const absent = made.find((g) => {
          const o = GID_NUMBER.exec(g);
          return o && page.holds.has(o[1]!) && !page.gids.has(g) && /^\d+$/.test(o[2]!) && (page.ids.length < page.first || BigInt(o[2]!) > oldest);
        });
        // (a step in between that names what the setup made needs it there)
        if (absent && !order.slice(m + 1, r + 1).some((ex) => made.some((g) => requestGids(ex).has(g)))) return [r, m, absent];
      }
    }
  }
  return undefined;
}

export function setupAfterEarlierReads(order: Exchange[]): Exchange[] {
  let out = [...order];
  for (let guard = 0; guard < order.length; guard++) {
    const found = setupAfterRead(out);
    if (!found) return out;
    const [read, maker, absent] = found;
    const group = parentOf(out[maker]!.path);
    const made = (JSON.stringify(out[maker]!.response.data ?? null).match(ANY_GID) ?? []).filter((g) => !requestGids(out[maker]!).has(g));
    const inGroup = (ex: Exchange) => group !== "$" && (ex.path.startsWith(`${group}.`) || ex.path.startsWith(`${group}[`));
    const moved = out.filter((ex, k) => k === maker || (k > maker && k < read && inGroup(ex) && !isMutationStep(ex) && mentions(ex, absent)));
    const rest = out.filter((ex) => !moved.includes(ex));
    const after = rest.indexOf(out[read]!) + 1;
    const use = rest.findIndex((ex, k) => k >= after && made.some((g) => requestGids(ex).has(g)));
    const at = use >= 0 ? use : after;
    out = [...rest.slice(0, at), ...moved, ...rest.slice(at)];
  }
  return out;
}
