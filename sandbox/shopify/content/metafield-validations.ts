// Definition-driven validation of metafield / metaobject field values: the `validations` a metafield
// or metaobject field definition declares (min, max, regex, choices, rating scale, metaobject
// definition). Runs after the type check (metafield-values.ts) on the normalized value.
// Messages: metafields-set-validation-gaps.json (min/max/regex/choices/rating/date/date_time/metaobject
// definition), metaobject-field-validation-matrix.json (integer max, text max length),
// metafield-definition-validation-affects-values.json (text max length).

export interface Validation { name: string; value: string }

export interface ValidationContext {
  /** Type of the metaobject a gid points to (lowercase), or undefined. */
  metaobjectDefinitionIdOf: (gid: string) => string | undefined;
}

export interface ValidationProblem { message: string; elementIndex: number | null }

/**
 * Checks `jsonValue` (already type-checked) against the definition's validations. Lists are checked
 * element by element; `listIndex` says whether list errors carry the element's index.
 */
export function checkValidations(type: string, jsonValue: unknown, validations: Validation[], ctx: ValidationContext, listIndex: boolean): ValidationProblem | null {
  if (!validations.length) return null;
  const rules = new Map(validations.map((v) => [v.name, v.value]));
  if (type.startsWith("list.")) {
    const base = type.slice(5);
    const items = Array.isArray(jsonValue) ? jsonValue : [];
    // list.min / list.max bound the element count; not captured, so left to the element checks only.
    for (const [i, item] of items.entries()) {
      const message = checkElement(base, item, rules, ctx);
      if (message) return { message, elementIndex: listIndex ? i : null };
    }
    return null;
  }
  const message = checkElement(type, jsonValue, rules, ctx);
  return message ? { message, elementIndex: null } : null;
}

function checkElement(type: string, value: unknown, rules: Map<string, string>, ctx: ValidationContext): string | null {
  const min = rules.get("min");
  const max = rules.get("max");
  switch (type) {
    case "number_integer":
    case "number_decimal": {
      const n = Number(value);
      if (min !== undefined && n < Number(min)) return `Value has a minimum of ${min}.`;
      if (max !== undefined && n > Number(max)) return `Value has a maximum of ${max}.`;
      return null;
    }
    case "single_line_text_field":
    case "multi_line_text_field": {
      const s = String(value);
      const length = [...s].length;
      // "minimum length" wording by analogy with the captured "maximum length" message.
      if (min !== undefined && length < Number(min)) return `Value has a minimum length of ${min}.`;
      if (max !== undefined && length > Number(max)) return `Value has a maximum length of ${max}.`;
      const regex = rules.get("regex");
      if (regex !== undefined && !safeRegex(regex)?.test(s)) return "Value is not the correct format.";
      const choices = rules.get("choices");
      if (choices !== undefined) {
        const list = parseList(choices);
        if (!list.includes(s)) return `Value does not exist in provided choices: [${list.map((c) => JSON.stringify(c)).join(", ")}].`;
      }
      return null;
    }
    case "date": {
      const s = String(value);
      if (min !== undefined && s < min) return `Value has a minimum of ${min}.`;
      if (max !== undefined && s > max) return `Value has a maximum of ${max}.`;
      return null;
    }
    case "date_time": {
      const t = Date.parse(String(value));
      if (min !== undefined && t < Date.parse(min)) return `Value has a minimum of ${rubyTime(min)}.`;
      if (max !== undefined && t > Date.parse(max)) return `Value has a maximum of ${rubyTime(max)}.`;
      return null;
    }
    case "rating": {
      const r = value as { scale_min?: string; scale_max?: string };
      const smin = rules.get("scale_min");
      const smax = rules.get("scale_max");
      if ((smin !== undefined && Number(r.scale_min) !== Number(smin)) || (smax !== undefined && Number(r.scale_max) !== Number(smax))) {
        return "Value min and max on the rating value must be the same as the min and max on the definition.";
      }
      return null;
    }
    case "metaobject_reference": {
      const wanted = rules.get("metaobject_definition_id");
      if (wanted !== undefined && ctx.metaobjectDefinitionIdOf(String(value)) !== wanted) return `Value must belong to the specified metaobject definition ${wanted}.`;
      return null;
    }
    case "mixed_reference": {
      const wanted = parseList(rules.get("metaobject_definition_ids") ?? "[]");
      const actual = ctx.metaobjectDefinitionIdOf(String(value));
      if (!actual || !wanted.includes(actual)) return "Value must belong to one of the specified metaobject definitions.";
      return null;
    }
    default:
      return null;
  }
}

function parseList(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

function safeRegex(source: string): RegExp | undefined {
  try {
    return new RegExp(source, "u");
  } catch {
    return undefined;
  }
}

/** "2026-12-31T23:59:59+00:00" → "2026-12-31 23:59:59 +0000" (Ruby Time#to_s in UTC, as captured). */
function rubyTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace("T", " ")} +0000`;
}
