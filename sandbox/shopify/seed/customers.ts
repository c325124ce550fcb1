import { registerNode, type ShopifyState } from "../state";
import { catalogOf, nextCatalogId, touchCatalog } from "../catalog/store";
import type { CustomerRecord } from "../catalog/types";
import type { Rng } from "./prng";

// ~40 shoppers spread over the shop's markets, each with the locale they browse in.

interface Origin { countryCode: string; country: string; locale: string; cities: [string, string | null, string][]; first: string[]; last: string[] }

const ORIGINS: [Origin, number][] = [
  [{ countryCode: "DE", country: "Germany", locale: "de", cities: [["Berlin", null, "10115"], ["München", null, "80331"], ["Hamburg", null, "20095"]], first: ["Lena", "Jonas", "Mia", "Felix", "Hannah", "Lukas"], last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber"] }, 24],
  [{ countryCode: "FR", country: "France", locale: "fr", cities: [["Paris", null, "75001"], ["Lyon", null, "69001"], ["Bordeaux", null, "33000"]], first: ["Camille", "Louis", "Chloé", "Hugo", "Léa"], last: ["Martin", "Bernard", "Dubois", "Lefèvre"] }, 16],
  [{ countryCode: "ES", country: "Spain", locale: "es", cities: [["Madrid", "M", "28001"], ["Barcelona", "B", "08001"], ["Valencia", "V", "46001"]], first: ["Lucía", "Hugo", "Martina", "Pablo", "Sofía"], last: ["García", "Fernández", "López", "Martínez"] }, 14],
  [{ countryCode: "JP", country: "Japan", locale: "ja", cities: [["Tokyo", "JP-13", "100-0001"], ["Osaka", "JP-27", "530-0001"]], first: ["Yui", "Haruto", "Aoi", "Sota"], last: ["Sato", "Suzuki", "Takahashi", "Tanaka"] }, 10],
  [{ countryCode: "IE", country: "Ireland", locale: "en", cities: [["Dublin", "D", "D02 X285"], ["Cork", "CO", "T12 A2F3"]], first: ["Aoife", "Sean", "Niamh", "Cian"], last: ["Murphy", "Kelly", "Byrne"] }, 10],
  [{ countryCode: "GB", country: "United Kingdom", locale: "en", cities: [["London", null, "EC1A 1BB"], ["Manchester", null, "M1 1AE"]], first: ["Olivia", "George", "Amelia", "Harry"], last: ["Smith", "Jones", "Taylor"] }, 10],
  [{ countryCode: "US", country: "United States", locale: "en", cities: [["New York", "NY", "10001"], ["Austin", "TX", "73301"], ["Portland", "OR", "97201"]], first: ["Emma", "Noah", "Ava", "Liam"], last: ["Johnson", "Williams", "Brown"] }, 8],
  [{ countryCode: "AT", country: "Austria", locale: "de", cities: [["Wien", null, "1010"]], first: ["Anna", "Paul"], last: ["Gruber", "Huber"] }, 4],
  [{ countryCode: "NL", country: "Netherlands", locale: "en", cities: [["Amsterdam", null, "1011"]], first: ["Sanne", "Daan"], last: ["de Jong", "Jansen"] }, 4],
];

const ascii = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").replace(/[^A-Za-z]/g, "").toLowerCase();

export function seedCustomers(state: ShopifyState, shop: string, rng: Rng, count: number, now: Date): CustomerRecord[] {
  const catalog = catalogOf(state, shop);
  const out: CustomerRecord[] = [];
  // Created 95–400 days ago, oldest first, so ids follow creation time and precede every seeded order.
  const ages = Array.from({ length: count }, () => rng.int(95, 400)).sort((a, b) => b - a);
  for (let i = 0; i < count; i++) {
    const origin = rng.weighted(ORIGINS);
    const firstName = rng.pick(origin.first);
    const lastName = rng.pick(origin.last);
    const [city, province, zip] = rng.pick(origin.cities);
    const legacyId = nextCatalogId(catalog, "Customer");
    const at = new Date(now.getTime() - ages[i]! * 86_400_000 + rng.int(0, 86_399) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const customer: CustomerRecord = {
      gid: `gid://shopify/Customer/${legacyId}`,
      legacyId,
      firstName,
      lastName,
      email: `${ascii(firstName)}.${ascii(lastName)}${i + 1}@example.com`,
      // Some shoppers in a non-English market still browse in English.
      locale: origin.locale !== "en" && rng.chance(0.15) ? "en" : origin.locale,
      countryCode: origin.countryCode,
      createdAt: at,
      updatedAt: at,
      tags: rng.chance(0.2) ? ["vip"] : [],
      acceptsMarketing: rng.chance(0.6),
      address: { firstName, lastName, address1: `${rng.int(1, 180)} ${rng.pick(["Main", "Market", "Garden", "Station", "Park"])} St`, city, province, zip, countryCode: origin.countryCode, country: origin.country, phone: null },
    };
    catalog.customers.set(customer.gid, customer);
    registerNode(state, shop, { gid: customer.gid, typename: "Customer" });
    out.push(customer);
  }
  touchCatalog(catalog);
  return out;
}
