// Validation and normalization of metafield / metaobject field values per type, with Shopify's
// messages (captures: metafields-set-input-validation.json, custom-data-field-type-matrix.json,
// metaobject-field-validation-matrix.json). Types the twin cannot check faithfully are "unsupported"
// so the caller fails loudly instead of storing something Shopify might have rejected.

export type ValueContext = "metafield" | "metaobject";

export interface ValueCheck {
  /** Does a resource with this gid exist in the shop (products, files, metaobjects, …)? */
  exists: (gid: string) => boolean;
  shopCurrency: string;
  context: ValueContext;
  /** metaobjectCreate casts any non-false boolean text to true (metaobject-field-validation-matrix: "hello" → true). */
  coerceBoolean?: boolean;
}

export type ValueResult =
  | { ok: true; value: string; jsonValue: unknown }
  | { ok: false; message: string; elementIndex: number | null }
  | { ok: false; unsupported: string };

export const LIST_LIMIT = 128;

// The list Shopify prints for an unknown type (metafield-definition-create-input-validation.json).
export const VALID_TYPES = "antenna_gain, area, battery_charge_capacity, battery_energy_capacity, boolean, capacitance, color, concentration, data_storage_capacity, data_transfer_rate, date_time, date, dimension, display_density, distance, duration, electric_current, electrical_resistance, energy, frequency, id, illuminance, inductance, json, jurisdiction, language, link, list.antenna_gain, list.area, list.battery_charge_capacity, list.battery_energy_capacity, list.capacitance, list.color, list.concentration, list.data_storage_capacity, list.data_transfer_rate, list.date_time, list.date, list.dimension, list.display_density, list.distance, list.duration, list.electric_current, list.electrical_resistance, list.energy, list.frequency, list.illuminance, list.inductance, list.jurisdiction, list.link, list.luminous_flux, list.mass_flow_rate, list.number_decimal, list.number_integer, list.power, list.pressure, list.rating, list.resolution, list.rotational_speed, list.single_line_text_field, list.sound_level, list.speed, list.temperature, list.thermal_power, list.url, list.voltage, list.volume, list.volumetric_flow_rate, list.weight, luminous_flux, mass_flow_rate, money, multi_line_text_field, number_decimal, number_integer, power, pressure, rating, resolution, rich_text_field, rotational_speed, single_line_text_field, sound_level, speed, temperature, thermal_power, url, voltage, volume, volumetric_flow_rate, weight, company_reference, list.company_reference, customer_reference, list.customer_reference, product_reference, list.product_reference, collection_reference, list.collection_reference, variant_reference, list.variant_reference, file_reference, list.file_reference, product_taxonomy_value_reference, list.product_taxonomy_value_reference, product_taxonomy_disclosure_reference, metaobject_reference, list.metaobject_reference, mixed_reference, list.mixed_reference, disclosure_reference, list.disclosure_reference, page_reference, list.page_reference, article_reference, list.article_reference, order_reference, list.order_reference";
const VALID_TYPE_SET = new Set(VALID_TYPES.split(", "));

/** Types a definition (metafield or metaobject field) may declare. */
export const isDefinitionType = (type: string) => VALID_TYPE_SET.has(type);
/** Types a bare metafieldsSet accepts: definition types plus list.boolean and list.multi_line_text_field (type matrix capture). */
export const isMetafieldType = (type: string) => VALID_TYPE_SET.has(type) || type === "list.boolean" || type === "list.multi_line_text_field";

export function typeCategory(type: string): string {
  const base = type.replace(/^list\./, "");
  if (base.endsWith("_reference")) return "REFERENCE";
  const categories: Record<string, string> = {
    single_line_text_field: "TEXT", multi_line_text_field: "TEXT", rich_text_field: "TEXT", number_integer: "NUMBER", number_decimal: "NUMBER",
    date: "DATE_TIME", date_time: "DATE_TIME", boolean: "TRUE_FALSE", url: "URL", link: "LINK", json: "JSON", color: "COLOR",
    money: "MONEY", rating: "RATING", id: "ID", language: "LANGUAGE",
  };
  return categories[base] ?? "MEASUREMENT"; // category names as captured in metafieldDefinition reads
}

const fail = (message: string, elementIndex: number | null = null): ValueResult => ({ ok: false, message, elementIndex });
const pass = (value: string, jsonValue: unknown): ValueResult => ({ ok: true, value, jsonValue });

const URL_SCHEMES = ["http", "https", "mailto", "sms", "tel"];
const EMPTY_SCHEME = `Value cannot have an empty scheme (protocol), must include one of the following URL schemes: ["http", "https", "mailto", "sms", "tel"].'`;

const UNITS: Record<string, Record<string, [string, string]>> = {
  // input unit (short or long, any case) → [stored long upper, list short lower]
  weight: unitTable({ g: "GRAMS", kg: "KILOGRAMS", lb: "POUNDS", oz: "OUNCES" }),
  dimension: unitTable({ mm: "MILLIMETERS", cm: "CENTIMETERS", m: "METERS", in: "INCHES", ft: "FEET", yd: "YARDS" }),
  volume: unitTable({
    ml: "MILLILITERS", cl: "CENTILITERS", l: "LITERS", m3: "CUBIC_METERS", us_fl_oz: "FLUID_OUNCES", us_pt: "PINTS",
    us_qt: "QUARTS", us_gal: "GALLONS", imp_fl_oz: "IMPERIAL_FLUID_OUNCES", imp_pt: "IMPERIAL_PINTS", imp_qt: "IMPERIAL_QUARTS", imp_gal: "IMPERIAL_GALLONS",
  }),
};

function unitTable(shortToLong: Record<string, string>): Record<string, [string, string]> {
  const table: Record<string, [string, string]> = {};
  for (const [short, long] of Object.entries(shortToLong)) table[short] = table[long.toLowerCase()] = [long, short];
  return table;
}

const REFERENCE_TYPES: Record<string, { gidTypes: string[]; invalid: string }> = {
  product_reference: { gidTypes: ["Product"], invalid: "Value must be a valid product reference." },
  variant_reference: { gidTypes: ["ProductVariant"], invalid: "Value must be a valid product variant reference." },
  collection_reference: { gidTypes: ["Collection"], invalid: "Value must be a valid collection reference." },
  customer_reference: { gidTypes: ["Customer"], invalid: "Value must be a valid customer reference." },
  company_reference: { gidTypes: ["Company"], invalid: "Value must be a valid company reference." },
  file_reference: { gidTypes: ["MediaImage", "GenericFile", "Video", "Model3d"], invalid: "Value must be a file reference string." },
  metaobject_reference: { gidTypes: ["Metaobject"], invalid: "Value require that you select a metaobject." },
  page_reference: { gidTypes: ["Page"], invalid: "Value must be a valid page reference." },
  article_reference: { gidTypes: ["Article"], invalid: "Value must be a valid article reference." },
  order_reference: { gidTypes: ["Order"], invalid: "Value must be a valid order reference." },
  // Only metaobject targets captured (metaobject-field-validation-matrix); which definitions is checked in metafield-validations.ts.
  mixed_reference: { gidTypes: ["Metaobject"], invalid: "Value must belong to one of the specified metaobject definitions." },
};

/** Validates `raw` for `type`; returns the stored string and jsonValue Shopify would report. */
export function checkValue(type: string, raw: string, ctx: ValueCheck): ValueResult {
  if (type.startsWith("list.")) return checkList(type.slice(5), raw, ctx);
  const r = checkScalar(type, raw, ctx, false);
  if (r.kind === "unsupported") return { ok: false, unsupported: type };
  if (r.kind === "error") return fail(r.message);
  return pass(r.stored, r.json);
}

// `elementText` is how the value is written inside a list's stored JSON text ("10.4" → "\"10.4\"", 25 → 25.0).
type Scalar = { kind: "ok"; stored: string; json: unknown; elementText: string; listJson?: unknown } | { kind: "error"; message: string } | { kind: "unsupported" };
const ok = (stored: string, json: unknown, elementText = JSON.stringify(stored), listJson?: unknown): Scalar => ({ kind: "ok", stored, json, elementText, listJson });
const err = (message: string): Scalar => ({ kind: "error", message });

function checkList(base: string, raw: string, ctx: ValueCheck): ValueResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail("Value must be an array.");
  }
  if (!Array.isArray(parsed)) return fail("Value must be an array.");
  if (parsed.length > LIST_LIMIT) return fail(`Value has more than ${LIST_LIMIT} elements.`);
  const stored: string[] = [];
  const json: unknown[] = [];
  for (const [i, item] of parsed.entries()) {
    const text = typeof item === "string" ? item : JSON.stringify(item);
    const r = checkScalar(base, text, ctx, true);
    if (r.kind === "unsupported") return { ok: false, unsupported: `list.${base}` };
    if (r.kind === "error") {
      // A bad reference inside a metafield list is reported without an index (captured).
      const isReference = base.endsWith("_reference") && ctx.context === "metafield";
      return fail(r.message, isReference ? null : i);
    }
    stored.push(r.elementText);
    json.push(r.listJson ?? r.json);
  }
  return pass(`[${stored.join(",")}]`, json);
}

function checkScalar(type: string, raw: string, ctx: ValueCheck, inList: boolean): Scalar {
  switch (type) {
    case "single_line_text_field":
      if (!raw.trim()) return err("Value can't be blank.");
      if (/[\r\n]/.test(raw)) return err("Value must be a single line text string.");
      return ok(raw, raw);
    case "multi_line_text_field":
      if (!raw.trim()) return err("Value can't be blank.");
      return ok(raw, raw);
    case "json": {
      if (!raw.trim()) return err("Value can't be blank."); // metafieldsSet-value-type-fidelity jsonBlank
      const parsed = parseJson(raw);
      if ("error" in parsed) return err(`Value is invalid JSON: ${parsed.error}.`);
      return ok(JSON.stringify(parsed.value), parsed.value, JSON.stringify(parsed.value));
    }
    case "number_integer":
      // "5.0"/"5.000" are stored as 5; "+5" is refused (metafieldsSet-value-type-fidelity).
      if (ctx.context === "metafield") {
        if (!/^-?\d+(\.0+)?$/.test(raw.trim())) return err("Value must be an integer.");
        raw = raw.trim().replace(/\.0+$/, "");
      } else if (!/^[-+]?\d+$/.test(raw.trim())) return err("Value must be an integer.");
      if (Math.abs(Number(raw)) > Number.MAX_SAFE_INTEGER) return err(`Value can't exceed ${Number.MAX_SAFE_INTEGER}.`);
      return ok(String(Number(raw)), Number(raw), String(Number(raw)));
    case "number_decimal": {
      const text = raw.trim();
      if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return err("Value must be a decimal.");
      if (Math.abs(Number(text)) > 9_999_999_999_999) return err("Value can't exceed 9999999999999.");
      // At most 9 decimals are kept: "1.1234567891" is stored as "1.123456789" (metafieldsSet-value-type-fidelity).
      const kept = ctx.context === "metafield" ? text.replace(/(\.\d{9})\d+$/, "$1") : text;
      return ok(kept, kept);
    }
    case "boolean":
      if (ctx.coerceBoolean && !inList && raw !== "true" && raw !== "false") {
        const truthy = !["0", "f", "false", "off", ""].includes(raw.toLowerCase());
        return ok(String(truthy), truthy, String(truthy));
      }
      if (ctx.context === "metafield" && !inList) {
        // metafieldsSet accepts t/1/f/0 and ignores case and surrounding blanks; a stored false
        // reads back with jsonValue "false" (a string), true with true (metafieldsSet-value-type-fidelity).
        const word = raw.trim().toLowerCase();
        if (["true", "t", "1"].includes(word)) return ok("true", true, "true");
        if (["false", "f", "0"].includes(word)) return ok("false", "false", "false");
        return err("Value must be true or false.");
      }
      if (raw !== "true" && raw !== "false") return err("Value must be true or false.");
      return ok(raw, raw === "true", raw);
    case "color":
      if (!/^#[0-9a-fA-F]{6}$/.test(raw)) return err("Value must be a hex color code.");
      return ok(raw, raw);
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !validDate(raw)) return err("Value must be in YYYY-MM-DD format.");
      return ok(raw, raw);
    case "date_time": {
      const normalized = normalizeDateTime(raw);
      if (!normalized) return err("Value must be in \u201cYYYY-MM-DDTHH:MM:SS\u201d format. For example: 2022-06-01T15:30:00");
      return ok(normalized, normalized);
    }
    case "url": {
      const problem = urlProblem(raw);
      return problem ? err(problem) : ok(raw, raw);
    }
    case "link": {
      const parsed = parseJson(raw);
      const link = "value" in parsed ? (parsed.value as { text?: unknown; url?: unknown }) : undefined;
      const invalid = ctx.context === "metafield" ? "Value must be a valid link." : "Value must be one of the following URL schemes: http, https, mailto, sms, tel.";
      if (!link || typeof link !== "object" || typeof link.url !== "string" || urlProblem(link.url)) return err(invalid);
      const value = { text: typeof link.text === "string" ? link.text : "", url: link.url };
      return ok(JSON.stringify(value), value, JSON.stringify(value));
    }
    case "money": {
      const parsed = parseJson(raw);
      const m = "value" in parsed ? (parsed.value as { amount?: unknown; currency_code?: unknown }) : undefined;
      const shape = "Value must be a stringified JSON object with amount (numeric) and currency_code (string matching the shop's currency) fields.";
      if (!m || typeof m !== "object" || Array.isArray(m) || m.amount === undefined || m.currency_code === undefined) return err(shape);
      // Captured order and wording (metafieldsSet-value-type-fidelity): amount, range, blank currency, unknown currency.
      const amount = String(m.amount ?? "");
      if (!/^-?\d+(\.\d+)?$/.test(amount)) return err("Value must have a numeric amount.");
      if (exceedsMoneyRange(amount)) return err("Value must be within +/-1000000000000000000.");
      const currency = typeof m.currency_code === "string" ? m.currency_code : "";
      if (!currency.trim()) return err("Value must have a currency code.");
      if (!ISO_CURRENCIES.has(currency.toUpperCase())) return err(`Value contains an invalid currency, ${currency}.`);
      // A real currency other than the shop's: no capture; the shape message names the shop-currency rule.
      if (currency !== ctx.shopCurrency) return err(shape);
      const value = { amount, currency_code: ctx.shopCurrency };
      return ok(JSON.stringify(value), value, JSON.stringify(value));
    }
    case "rating":
      return checkRating(raw);
    case "id":
      // Metaobject "id" fields (type matrix: stored as typed). Shopify's messages for a blank or
      // multi-line id and any metafieldsSet use were not captured: those fail loudly.
      if (ctx.context !== "metaobject" || !raw.trim() || /[\r\n]/.test(raw)) return { kind: "unsupported" };
      return ok(raw, raw);
    case "language":
      // Only well-formed codes the ICU data names are known valid ("en" in the type matrix); Shopify's
      // message for a bad language was not captured, so anything else fails loudly.
      return KNOWN_LANGUAGE(raw) ? ok(raw, raw) : { kind: "unsupported" };
    case "rich_text_field": {
      // A root/paragraph/text tree as captured in the type matrix; the other node shapes and Shopify's
      // messages for a malformed tree were not captured, so those fail loudly.
      const parsed = parseJson(raw);
      if (!("value" in parsed) || !isRichTextRoot(parsed.value)) return { kind: "unsupported" };
      return ok(JSON.stringify(parsed.value), parsed.value, JSON.stringify(parsed.value));
    }
    case "weight":
    case "dimension":
    case "volume":
      return checkMeasurement(type, raw, ctx, inList);
    default:
      if (REFERENCE_TYPES[type]) return checkReference(type, raw, ctx);
      if (CAPTURED_UNITS[type]) return checkGenericMeasurement(type, raw, inList);
      return { kind: "unsupported" };
  }
}

const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
const KNOWN_LANGUAGE = (raw: string) => {
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(raw)) return false;
  try {
    return LANGUAGE_NAMES.of(raw) !== undefined;
  } catch {
    return false;
  }
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const onlyKeys = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));
function isRichTextRoot(v: unknown): boolean {
  if (!isPlainObject(v) || v.type !== "root" || !onlyKeys(v, ["type", "children"]) || !Array.isArray(v.children) || !v.children.length) return false;
  return v.children.every((p) =>
    isPlainObject(p) && p.type === "paragraph" && onlyKeys(p, ["type", "children"]) && Array.isArray(p.children) &&
    p.children.every((t) => isPlainObject(t) && t.type === "text" && typeof t.value === "string" && onlyKeys(t, ["type", "value", "bold", "italic"]) &&
      (t.bold === undefined || typeof t.bold === "boolean") && (t.italic === undefined || typeof t.italic === "boolean")));
}

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** |amount| > 10^18, compared on the decimal text (Number would round 10^18 + 1 down). */
function exceedsMoneyRange(amount: string): boolean {
  const [whole = "", fraction = ""] = amount.replace(/^-/, "").split(".");
  const digits = whole.replace(/^0+/, "");
  const limit = "1000000000000000000";
  if (digits.length !== limit.length) return digits.length > limit.length;
  return digits > limit || (digits === limit && /[1-9]/.test(fraction));
}

function checkReference(type: string, raw: string, ctx: ValueCheck): Scalar {
  const spec = REFERENCE_TYPES[type]!;
  const gidType = /^gid:\/\/shopify\/([A-Za-z0-9]+)\/[^/]+$/.exec(raw)?.[1];
  if (ctx.context === "metaobject") {
    if (!gidType || !spec.gidTypes.includes(gidType) || !ctx.exists(raw)) return err(spec.invalid);
    return ok(raw, raw);
  }
  if (!gidType || !ctx.exists(raw)) return err(`Value references non-existent resource ${raw}.`);
  if (!spec.gidTypes.includes(gidType)) return err(spec.invalid);
  return ok(raw, raw);
}

function checkRating(raw: string): Scalar {
  const parsed = parseJson(raw);
  const r = "value" in parsed ? (parsed.value as Record<string, unknown>) : undefined;
  const num = (v: unknown) => (typeof v === "string" || typeof v === "number") && /^-?\d+(\.\d+)?$/.test(String(v));
  if (!r || typeof r !== "object" || !num(r.value) || !num(r.scale_min) || !num(r.scale_max)) {
    return err("Value must be a stringified JSON object with value, scale_min and scale_max fields.");
  }
  if (Number(r.value) > Number(r.scale_max)) return err(`Value has a maximum of ${r.scale_max}.`);
  if (Number(r.value) < Number(r.scale_min)) return err(`Value has a minimum of ${r.scale_min}.`);
  // Shopify reorders the keys and keeps the numbers as strings (type matrix).
  const value = { scale_min: String(r.scale_min), scale_max: String(r.scale_max), value: String(r.value) };
  return ok(JSON.stringify(value), value, JSON.stringify(value));
}

// Measurement types beyond weight/dimension/volume, with the only units the captures show accepted
// (custom-data-field-type-matrix.json). Other units are not known to the twin and fail loudly.
const CAPTURED_UNITS: Record<string, string[]> = {
  antenna_gain: ["decibels_isotropic"], area: ["square_meters"], battery_charge_capacity: ["milliamp_hours"], battery_energy_capacity: ["watt_hours"],
  capacitance: ["microfarads"], concentration: ["milligrams_per_milliliter"], data_storage_capacity: ["gigabytes"], data_transfer_rate: ["megabits_per_second"],
  display_density: ["pixels_per_inch"], distance: ["kilometers"], duration: ["seconds"], electric_current: ["amperes"], electrical_resistance: ["ohms"],
  energy: ["kilocalories"], frequency: ["gigahertz"], illuminance: ["lux"], inductance: ["millihenries"], luminous_flux: ["lumens"],
  mass_flow_rate: ["kilograms_per_hour"], power: ["watts"], pressure: ["pounds_per_square_inch"], resolution: ["megapixels"],
  rotational_speed: ["revolutions_per_minute"], sound_level: ["decibels"], speed: ["kilometers_per_hour"], temperature: ["celsius"],
  thermal_power: ["british_thermal_units_per_hour"], voltage: ["volts"], volumetric_flow_rate: ["liters_per_minute"],
};

function checkGenericMeasurement(type: string, raw: string, inList: boolean): Scalar {
  const parsed = parseJson(raw);
  const m = "value" in parsed ? (parsed.value as { value?: unknown; unit?: unknown }) : undefined;
  if (!m || typeof m !== "object" || m.value === undefined || m.unit === undefined) {
    // Same wording in metaobject fields (metaobject-field-validation-matrix power-invalid).
    return err("Value must be a stringified JSON object with a value (numeric) and unit (string from one the supported measurement units) fields.");
  }
  const n = typeof m.value === "number" ? m.value : typeof m.value === "string" && /^-?\d+(\.\d+)?$/.test(m.value) ? Number(m.value) : NaN;
  const unit = String(m.unit).toLowerCase();
  if (!Number.isFinite(n) || n < 0 || !CAPTURED_UNITS[type]!.includes(unit)) return { kind: "unsupported" };
  // Stored text keeps a decimal point and the upper-case unit; a list's jsonValue keeps the lower-case unit.
  const stored = `{"value":${Number.isInteger(n) ? `${n}.0` : n},"unit":"${unit.toUpperCase()}"}`;
  return ok(stored, { value: n, unit: unit.toUpperCase() }, stored, inList ? { value: n, unit } : undefined);
}

function checkMeasurement(type: string, raw: string, ctx: ValueCheck, inList: boolean): Scalar {
  const parsed = parseJson(raw);
  const m = "value" in parsed ? (parsed.value as { value?: unknown; unit?: unknown }) : undefined;
  if (!m || typeof m !== "object" || m.value === undefined || m.unit === undefined) {
    return err(ctx.context === "metaobject"
      ? "Value must contain unit and value."
      : "Value must be a stringified JSON object with a value (numeric) and unit (string from one the supported measurement units) fields.");
  }
  const n = typeof m.value === "number" ? m.value : typeof m.value === "string" && /^-?\d+(\.\d+)?$/.test(m.value) ? Number(m.value) : NaN;
  if (!Number.isFinite(n) || n < 0) return err("Value must be a non-negative number.");
  const unit = UNITS[type]![String(m.unit).toLowerCase()];
  if (!unit) return err("Value must be a supported unit.");
  // Stored text keeps a decimal point (25 → 25.0); list jsonValue uses the short lowercase unit.
  const stored = `{"value":${Number.isInteger(n) ? `${n}.0` : n},"unit":"${unit[0]}"}`;
  return ok(stored, { value: n, unit: unit[0] }, stored, inList ? { value: n, unit: unit[1] } : undefined);
}

function urlProblem(raw: string): string | null {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw)?.[1];
  if (!scheme) return EMPTY_SCHEME;
  if (!URL_SCHEMES.includes(scheme.toLowerCase())) return "Value must be one of the following URL schemes: http, https, mailto, sms, tel.";
  return null;
}

function validDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** "2024-01-01T12:30:00" → "2024-01-01T12:30:00+00:00"; drops fractions; keeps the given offset. */
function normalizeDateTime(raw: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!m || !validDate(m[1]!)) return null;
  const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2]!;
  const offset = !m[3] || m[3] === "Z" ? "+00:00" : m[3].includes(":") ? m[3] : `${m[3].slice(0, 3)}:${m[3].slice(3)}`;
  return `${m[1]}T${time}${offset}`;
}

/** JSON.parse with an error text shaped like Shopify's ("expected object key, got 'nope' at line 1 column 2"). */
function parseJson(raw: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(raw) };
  } catch (e) {
    const pos = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? raw.length);
    const before = raw.slice(0, pos);
    const line = before.split("\n").length;
    const column = pos - before.lastIndexOf("\n");
    const token = /^[^\s,:{}[\]"]+/.exec(raw.slice(pos))?.[0] ?? raw.charAt(pos);
    if (pos >= raw.length) return { error: `unexpected end of input at line ${line} column ${column}` };
    const prev = before.trimEnd().at(-1);
    const expected = prev === "{" || (prev === "," && /\{[^}]*$/.test(before)) ? "expected object key" : "unexpected character";
    return { error: `${expected}, got '${token}' at line ${line} column ${column}` };
  }
}
