import type { Exchange } from "../normalize";
import type { Outcome } from "../replay";
import { isObject } from "../steps";
import { canonicalize } from "../volatile";

// Reads (and mutation answers) that supplied the recorded shop's state the replay rebuilt (hydrate.ts,
// hydrate-catalog.ts, hydrate-answers.ts, hydrate-metaobjects.ts, hydrate-standard-metafield-definitions.ts,
// recorded-markets.ts, recorded-shop.ts, preconditions.ts): their "seed" values. Such an exchange,
// replayed, is judged against the state rebuilt from its own answer, so those values match by
// construction and test nothing. Each rebuilder marks, on the captured answer's own objects, the
// keys whose values it took (a key covers the value below it), under the captured gid (or "shop",
// "app", "scopes", "ShopLocale:<locale>") of the object it rebuilt from them. Only marks of objects that were
// really rebuilt count (`rebuilt`). Every read of an object before the scenario changed it shows the
// same state, so each such read that showed a value the rebuilt state holds is a seed of it.
//
// The rule (`seededOnly`): an exchange that would pass is not counted as passed when EVERY value its
// answer compares was seeded by it; it is listed as not comparable ("its answer is the state the
// replay rebuilt from it"). An exchange that also compares a value no rebuilder took from it (a
// field a mutation's request set, a userErrors list, a value the twin computes: a list the twin
// filtered, a count, a derived URL) still passes when that matches. A difference stays a failure.

export const SEEDED_CATEGORY = "its answer is the state the replay rebuilt from it";

export class SeedMarks {
  private readonly marks = new Map<object, { owner: string; keys: Set<string> }[]>();
  private readonly rebuiltOwners = new Set<string>();

  /** `keys` of this captured object (the values below them) seeded the rebuilt `owner`. */
  mark(owner: string, node: unknown, keys: Iterable<string>): void {
    const set = new Set(keys);
    if (!isObject(node) || !set.size) return;
    const list = this.marks.get(node) ?? [];
    list.push({ owner, keys: set });
    this.marks.set(node, list);
  }

  /** The owner was rebuilt in the twin (its marks count from now on). */
  rebuilt(owner: string): void {
    this.rebuiltOwners.add(owner);
  }

  /** The keys of a captured object that seeded a rebuilt owner, each with its owners. */
  seededKeys(node: object): Map<string, string[]> {
    const keys = new Map<string, string[]>();
    for (const m of this.marks.get(node) ?? []) {
      if (!this.rebuiltOwners.has(m.owner)) continue;
      for (const k of m.keys) keys.set(k, [...(keys.get(k) ?? []), m.owner]);
    }
    return keys;
  }
}

/**
 * The owners whose rebuilt state supplied every value the exchange's captured answer compares, or
 * undefined when some compared value was not seeded by it (or nothing was). Values compared by form
 * only (volatile.ts: ids, whose number is not compared, timestamps, cursors) and `extensions` do not count;
 * a list's length follows from its items; a `__typename` counts as seeded where its object's `id` is.
 */
export function seededOnly(ex: Exchange, marks: SeedMarks): string[] | undefined {
  const owners = new Set<string>();
  let unseeded = false;
  // `by`: the owners a value below a seeded key was rebuilt into (none: not seeded).
  const walk = (path: (string | number)[], value: unknown, by: string[]): void => {
    if (unseeded) return;
    if (Array.isArray(value)) {
      if (!value.length && !by.length) unseeded = true;
      value.forEach((v, i) => walk([...path, i], v, by));
      return;
    }
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (!keys.length && !by.length) unseeded = true;
      const mine = marks.seededKeys(value);
      for (const k of keys) {
        if (!path.length && k === "extensions") continue;
        walk([...path, k], value[k], by.length ? by : mine.get(k) ?? (k === "__typename" ? mine.get("id") : undefined) ?? []);
      }
      return;
    }
    // A seeded value (an id too: the object's being there is what the seed supplied) tests nothing.
    if (by.length) {
      for (const o of by) owners.add(o);
      return;
    }
    // A value compared by form only (volatile.ts: an id's type, a timestamp) tests no value.
    if (canonicalize(path, value) !== value) return;
    unseeded = true;
  };
  walk([], ex.response, []);
  return !unseeded && owners.size ? [...owners] : undefined;
}

/** The paths of the exchanges whose answers seeded a rebuilt owner (for the report and the tests). */
export function seedExchanges(exchanges: Exchange[], marks: SeedMarks): string[] {
  const holds = (node: unknown): boolean =>
    Array.isArray(node) ? node.some(holds) : isObject(node) ? marks.seededKeys(node).size > 0 || Object.values(node).some(holds) : false;
  return exchanges.filter((ex) => holds(ex.response)).map((ex) => ex.path);
}

/** A passing exchange every compared value of which it seeded itself is not counted as passed. */
export function unlessSeeded(outcome: Outcome, ex: Exchange, marks: SeedMarks): Outcome {
  if (outcome.status !== "passed") return outcome;
  const owners = seededOnly(ex, marks);
  return owners ? { status: "incomparable", category: SEEDED_CATEGORY, detail: `every value it shows was rebuilt from it (${owners.slice(0, 3).join(", ")}${owners.length > 3 ? ", …" : ""})`, diffs: [] } : outcome;
}

/** What the replay rebuilt before the first step: the paired gids, and the setup's markets, presences, locales and app. */
export function markRebuilt(marks: SeedMarks, rebuilt: { ids: Iterable<string>; markets?: { id: number }[]; presences?: { id: number }[]; locales?: { locale: string }[]; app?: unknown }): void {
  for (const g of rebuilt.ids) marks.rebuilt(g);
  for (const m of rebuilt.markets ?? []) marks.rebuilt(`gid://shopify/Market/${m.id}`);
  for (const p of rebuilt.presences ?? []) marks.rebuilt(`gid://shopify/MarketWebPresence/${p.id}`);
  for (const l of rebuilt.locales ?? []) marks.rebuilt(`ShopLocale:${l.locale}`);
  if (rebuilt.app) marks.rebuilt("app");
  marks.rebuilt("shop"); // (its email and address: recorded-shop.ts)
  marks.rebuilt("scopes"); // (the installation's scopes a read showed: preconditions.ts)
}
