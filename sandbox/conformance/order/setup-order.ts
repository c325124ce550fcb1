import type { Exchange } from "../normalize";
import { ANY_GID, isMutationStep, requestGids } from "../steps";

// Some captures store a scenario's setup after the cases that use it, and the spec index lists only
// the cases, so neither the document order nor the index order can be the recording order: a case
// names an object that a later-stored setup step creates (media-file-filename-extension-case-
// sensitivity.json: `cases.fileUpdateCaseMismatch` updates the GenericFile that `setup.fileCreate`,
// stored after the cases, created and `setup.hydrate` then read as READY). The setup ran first: the
// setup mutation whose answer first shows the object is moved, with the steps stored in the same
// setup group after it (its reads), to just before the first step that uses the object. Only a
// mutation stored under a `setup…` key counts as the maker (a read's answer also shows objects the
// recorded shop already had; a case's mutation may well have run after its read).

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
