import type { Exchange } from "../normalize";
import { isObject, stepText } from "../steps";

// A metaobject definition's type is unique in a shop: a second create of a type is refused with
// TAKEN (metaobject-definition-create-validation.json duplicateCase), and enabling a standard type
// the shop already has answers the definition it has (standard-metaobject-definition-enable-catalog.json
// duplicateSecond). So when a step answers a definition of type T under a new id while an earlier
// step showed another definition of type T, that other one had been deleted before the step ran
// (standard-metaobject-definition-enable-catalog.json stores `qaPairCleanup` with the cleanups at
// the end, yet `duplicateFirst` enabled shopify--qa-pair again under a new id). Its delete step is
// moved to just before that step, when no step in between names the deleted definition.

const DEFINITION = /^gid:\/\/shopify\/MetaobjectDefinition\/\d+$/;

/** Definition id -> [type, index of the first step whose answer shows it]. */
function definitionsShown(exchanges: Exchange[]): Map<string, [string, number]> {
  const out = new Map<string, [string, number]>();
  exchanges.forEach((ex, i) => {
    JSON.stringify(ex.response?.data ?? null, (_k, v: unknown) => {
      if (isObject(v) && typeof v.id === "string" && DEFINITION.test(v.id) && typeof v.type === "string" && !out.has(v.id)) out.set(v.id, [v.type, i]);
      return v;
    });
  });
  return out;
}

const names = (ex: Exchange, gid: string) => stepText(ex).includes(gid);

/** The index of the step that deleted `gid` (metaobjectDefinitionDelete answering it as deletedId). */
function deleteOf(exchanges: Exchange[], gid: string): number {
  return exchanges.findIndex((ex) => (ex.response?.data as { metaobjectDefinitionDelete?: { deletedId?: unknown } } | null | undefined)?.metaobjectDefinitionDelete?.deletedId === gid);
}

export function deletesBeforeRecreate(exchanges: Exchange[]): Exchange[] {
  const out = [...exchanges];
  const shown = definitionsShown(out);
  for (const [gid, [type, first]] of shown) {
    const again = [...shown].filter(([other, [t, at]]) => other !== gid && t === type && at > first).map(([, [, at]]) => at);
    if (!again.length) continue;
    const recreated = Math.min(...again);
    const deleted = deleteOf(out, gid);
    if (deleted <= recreated) continue;
    if (out.slice(recreated, deleted).some((ex) => names(ex, gid))) continue;
    const [step] = out.splice(deleted, 1);
    out.splice(recreated, 0, step!);
    return deletesBeforeRecreate(out); // indices moved: look again
  }
  return out;
}
