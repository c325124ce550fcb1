import type { Exchange } from "../normalize";
import { isMutationStep, isObject } from "../steps";
import type { Twin } from "../twin";
import type { SeedMarks } from "./seeded-exchanges";

// Properties of the recorded shop that a fresh twin cannot have, taken from what reads of `shop`
// showed: its email, and its store address (Shop.shopAddress, answered field by field as recorded).
// The scenario's own reads first; the recording proxy's read-through answers (upstream evidence)
// only fill in what no scenario read showed
// (store-properties/store-properties-baseline.json: StorePropertiesShopBaseline shows both).
// A value no read showed is never set: the twin keeps its own email, and has no address.

export interface RecordedShop { email?: string; address?: Record<string, unknown> }

// Shop fields the replay's twin holds from the recorded shop rather than computes: its email (and
// contactEmail, which answers it), the domain it was started with and what follows from it (name,
// urls), the settings twin.ts gives every recorded shop (CAD, America/Toronto and that zone's offsets,
// a development plan), and the development store's features and resource limits copied from
// store-properties-baseline.json. A read of them tests nothing (seeded-exchanges.ts); tax, units,
// presentment currencies, payment settings and policies are computed by the twin's rules.
const SHOP_SEEDED = ["email", "contactEmail", "name", "myshopifyDomain", "url", "primaryDomain", "currencyCode", "ianaTimezone", "timezoneAbbreviation", "timezoneOffset", "timezoneOffsetMinutes", "plan", "resourceLimits", "features"];

// The ShopAddress fields kept as recorded. `id` is not: the twin names the address after its shop.
const ADDRESS_FIELDS = ["address1", "address2", "city", "company", "coordinatesValidated", "country", "countryCodeV2", "formatted", "formattedArea", "latitude", "longitude", "phone", "province", "provinceCode", "zip"];

/** `marks`: every read's email and address values are the one shop's (seeded-exchanges.ts, owner "shop"). */
function fromReads(exchanges: Exchange[], marks?: SeedMarks): RecordedShop {
  const out: RecordedShop = {};
  for (const ex of exchanges) {
    if (isMutationStep(ex)) continue;
    const shop = isObject(ex.response?.data) ? ex.response.data.shop : undefined;
    if (!isObject(shop)) continue;
    marks?.mark("shop", shop, SHOP_SEEDED.filter((k) => Object.hasOwn(shop, k)));
    if (isObject(shop.shopAddress)) marks?.mark("shop", shop.shopAddress, ADDRESS_FIELDS);
    if (out.email === undefined && typeof shop.email === "string") out.email = shop.email;
    if (out.address === undefined && isObject(shop.shopAddress)) {
      const recorded = shop.shopAddress;
      out.address = Object.fromEntries(ADDRESS_FIELDS.filter((k) => Object.hasOwn(recorded, k)).map((k) => [k, recorded[k]]));
    }
  }
  return out;
}

/** The shop's recorded email and address: the scenario's reads, filled in from upstream evidence. */
export function recordedShop(exchanges: Exchange[], evidence: Exchange[], marks?: SeedMarks): RecordedShop {
  const own = fromReads(exchanges, marks);
  const upstream = fromReads(evidence);
  return { ...upstream, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
}

/** Gives the twin's shop the recorded email and address. */
export function placeRecordedShop(twin: Twin, recorded: RecordedShop): void {
  const shop = twin.sandbox.state.shops.get(twin.shop);
  if (!shop) return;
  if (recorded.email !== undefined) shop.email = recorded.email;
  if (recorded.address) shop.address = { ...recorded.address };
}
