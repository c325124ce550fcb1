import type { Difference } from "../compare";
import { ANY_GID, isObject, pathSteps, valueAt } from "../steps";

// A list whose captured items are all the recorded shop's own objects (no step of the scenario made
// them, and no rebuild could: localization-shop-locale-primary-guards.json reads `webPresences` and
// sees only the ids of the shop's three presences) while the twin's items are all objects the twin
// shop had before the scenario's first step and no rebuild made (its own root presence): the list's
// length then differs only through pre-existing data on both sides.

/** `twinMade`: the twin's gids the replay paired with the scenario's or the rebuild's objects so far; `firstStepId`: the twin's first id after setup. */
export interface TwinSeed { twinMade: Set<string>; firstStepId: number }

const gids = (v: unknown) => JSON.stringify(v ?? null).match(ANY_GID) ?? [];
const ownId = (item: unknown) => (isObject(item) ? (isObject(item.node) ? item.node.id : item.id) : undefined);

export function listOfPreexistingOnly(d: Difference, captured: unknown, twin: unknown, foreign: Set<string>, seed: TwinSeed): boolean {
  if (!d.path.startsWith("data") || !d.path.endsWith(".length")) return false;
  const steps = pathSteps(d.path.slice(0, -".length".length));
  const [mine, theirs] = [valueAt(captured, steps), valueAt(twin, steps)];
  if (!Array.isArray(mine) || !Array.isArray(theirs) || !mine.length) return false;
  const capturedForeign = mine.every((item) => { const id = ownId(item); return typeof id === "string" && foreign.has(id); });
  const twinSeeded = theirs.every((item) => {
    const id = ownId(item);
    const n = typeof id === "string" ? Number(/\/(\d+)$/.exec(id)?.[1]) : NaN;
    return typeof id === "string" && n < seed.firstStepId && !seed.twinMade.has(id) && !gids(item).some((g) => seed.twinMade.has(g));
  });
  return capturedForeign && twinSeeded;
}
