import { coded } from "../errors";

// A twin seeded with an object whose deciding value was never known (the conformance harness
// rebuilds a recorded shop's market from reads that did not show its currency): the answer that
// value decides is refused loudly, like NOT_IMPLEMENTED_IN_SANDBOX, instead of assuming a default.
// `gid` names the object, so a caller can tell which seeded object lacked the value.
export const UNKNOWN_SEEDED_STATE = "UNKNOWN_SEEDED_STATE_IN_SANDBOX";

export function unknownSeededState(what: string, gid: string) {
  return coded(`${what} is not known to the Tessera sandbox (seeded without it)`, UNKNOWN_SEEDED_STATE, { gid });
}
