import { describe, expect, it } from "vitest";
import { registerNode } from "../../../sandbox/shopify/state";
import { useTwin } from "../helpers";

// Behaviour recorded in 2025-01/metafields/metafieldsSet-value-type-fidelity.json,
// custom-data-field-type-matrix.json and metafield-definition-validations-input.json.

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { key type value jsonValue }
    userErrors { field message code elementIndex }
  }
}`;
const DEFINE = `mutation Define($definition: MetafieldDefinitionInput!) {
  metafieldDefinitionCreate(definition: $definition) { createdDefinition { id } userErrors { field message code } }
}`;

describe("metafieldsSet value normalization and definition validation options", () => {
  const product = "gid://shopify/Product/9200000001";
  const twin = useTwin({}, (sandbox) => registerNode(sandbox.state, sandbox.defaultShop, { gid: product, typename: "Product" }));
  const row = (key: string, type: string, value: string) => ({ ownerId: product, namespace: "fidelity", key, type, value });
  const set = (metafields: unknown[]) => twin.call(SET, { metafields });
  const errorOf = async (type: string, value: string) => (await set([row("probe", type, value)])).json.data.metafieldsSet.userErrors[0]?.message;

  it("normalizes booleans, whole-number integers and long decimals as Shopify stores them", async () => {
    const res = await set([
      row("b_t", "boolean", "t"), row("b_one", "boolean", "1"), row("b_upper", "boolean", " TRUE "),
      row("b_f", "boolean", "f"), row("b_zero", "boolean", "0"),
      row("i_dec", "number_integer", "5.000"), row("d_long", "number_decimal", "1.1234567891"),
    ]);
    expect(res.json.data.metafieldsSet.userErrors).toEqual([]);
    expect(res.json.data.metafieldsSet.metafields.map((m: { value: string; jsonValue: unknown }) => [m.value, m.jsonValue])).toEqual([
      ["true", true], ["true", true], ["true", true],
      ["false", "false"], ["false", "false"], // a stored false reads back as the string "false" (captured)
      ["5", 5], ["1.123456789", "1.123456789"],
    ]);
  });

  it("refuses +5 and gives money and blank-json messages per problem", async () => {
    expect(await errorOf("number_integer", "+5")).toBe("Value must be an integer.");
    expect(await errorOf("money", '{"amount":"1.00","currency_code":""}')).toBe("Value must have a currency code.");
    expect(await errorOf("money", '{"amount":"abc","currency_code":"USD"}')).toBe("Value must have a numeric amount.");
    expect(await errorOf("money", '{"amount":"1000000000000000001","currency_code":"CAD"}')).toBe("Value must be within +/-1000000000000000000.");
    expect(await errorOf("money", '{"amount":"1.00","currency_code":"ZZZ"}')).toBe("Value contains an invalid currency, ZZZ.");
    expect(await errorOf("money", "[]")).toBe("Value must be a stringified JSON object with amount (numeric) and currency_code (string matching the shop's currency) fields.");
    expect(await errorOf("json", "")).toBe("Value can't be blank.");
  });

  it("accepts language, a plain rich text tree and list.multi_line_text_field; other rich text fails loudly", async () => {
    const tree = '{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","value":"Bold text.","bold":true}]}]}';
    const res = await set([row("lang", "language", "en"), row("rich", "rich_text_field", tree), row("lines", "list.multi_line_text_field", '["a\\nb"]')]);
    expect(res.json.data.metafieldsSet.userErrors).toEqual([]);
    expect(res.json.data.metafieldsSet.metafields.map((m: { value: string }) => m.value)).toEqual(["en", tree, '["a\\nb"]']);

    const heading = await set([row("rich2", "rich_text_field", '{"type":"root","children":[{"type":"heading","level":1,"children":[]}]}')]);
    expect(heading.json.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });

  it("reports definition validation options a type does not take, bad bounds and missing required options", async () => {
    const define = async (type: string, validations?: { name: string; value: string }[]) =>
      (await twin.call(DEFINE, { definition: { name: "Probe", namespace: "fidelity_defs", key: `k_${type.replace(/\W/g, "_")}_${validations?.length ?? 0}`, ownerType: "PRODUCT", type, validations } })).json.data.metafieldDefinitionCreate;
    const invalid = (message: string) => ({ field: ["definition", "validations"], message, code: "INVALID_OPTION" });
    expect((await define("single_line_text_field", [{ name: "scale_max", value: "5" }])).userErrors).toEqual([
      invalid("Validations value for option scale_max contains an invalid value: 'scale_max' isn't supported for single_line_text_field."),
    ]);
    expect((await define("boolean", [{ name: "max", value: "1" }])).userErrors).toEqual([invalid("Validations value for option max contains an invalid value: 'max' isn't supported for boolean.")]);
    expect((await define("number_integer", [{ name: "min", value: "not-a-number" }])).userErrors).toEqual([invalid("Validations value for option min must be an integer.")]);
    expect((await define("single_line_text_field", [{ name: "min", value: "10" }, { name: "max", value: "5" }])).userErrors).toEqual([
      invalid("Validations contains an invalid value: 'min' must be less than 'max'."),
    ]);
    expect((await define("metaobject_reference", [])).userErrors).toEqual([invalid("Validations require that you select a metaobject.")]);
    expect((await define("rating")).userErrors).toEqual([
      invalid("Validations requires 'scale_max' to be provided."), invalid("Validations requires 'scale_min' to be provided."),
    ]);
  });
});
