import { UNKNOWN_SEEDED_STATE } from "../../shopify/admin-graphql/resolvers/unknown-seeded-state";

// The recorded shop's objects the harness seeded without a value that decides some answers (a
// market whose currency no capture of the shop showed: recorded-markets.ts, shop-evidence.ts). The
// twin refuses such an answer with UNKNOWN_SEEDED_STATE_IN_SANDBOX naming the object. Like
// NOT_IMPLEMENTED_IN_SANDBOX, that refusal is a failure: the twin could not give Shopify's answer,
// and no not-comparable rule may excuse it.

export const UNKNOWN_SEEDED_CATEGORY = "a value of the recorded shop the twin was seeded without (UNKNOWN_SEEDED_STATE_IN_SANDBOX)";

/** The message of the twin's first UNKNOWN_SEEDED_STATE_IN_SANDBOX refusal in `body`, if any. */
export function unknownSeededRefusal(body: unknown): string | undefined {
  const errors = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null)?.errors ?? [];
  const refusal = errors.find((e) => e.extensions?.code === UNKNOWN_SEEDED_STATE);
  return refusal ? String(refusal.message ?? UNKNOWN_SEEDED_STATE) : undefined;
}
