// How Shopify stores a translated `handle` (captures/…/localization-handle-translation-validation.json):
// lowercased, every run of other characters becomes one "-", no leading/trailing "-"
// ("Bad Value With Spaces" -> "bad-value-with-spaces", "a/b" -> "a-b", "double--dash" -> "double-dash").
// A value with nothing left ("%%%") is stored as Shopify's generic placeholder; more than 255
// characters is refused with the resource's own validation message.

export const MAX_HANDLE_LENGTH = 255;
export const EMPTY_HANDLE_PLACEHOLDER = "store-localization/generic-dynamic-content-translation";

export function normalizeHandleTranslation(raw: string): { value: string } | { error: string } {
  // Letters and digits of any script survive (Shopify handles may be non-Latin); the captures only show ASCII.
  const value = raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  if (value === "") return { value: EMPTY_HANDLE_PLACEHOLDER };
  if (value.length > MAX_HANDLE_LENGTH) return { error: `Handle is too long (maximum is ${MAX_HANDLE_LENGTH} characters)` };
  return { value };
}
