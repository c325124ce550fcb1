import { describe, expect, it } from "vitest";
import { metafieldsOf } from "../../../sandbox/shopify/content/metafields-store";
import { apiClientId } from "../../../sandbox/shopify/platform/app-identity";
import { registerNode } from "../../../sandbox/shopify/state";
import { TEST_APP, useTwin } from "../helpers";

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key type value jsonValue compareDigest ownerType owner { __typename ... on Product { id } } }
    userErrors { field message code elementIndex }
  }
}`;
const DELETE = `mutation Del($metafields: [MetafieldIdentifierInput!]!) {
  metafieldsDelete(metafields: $metafields) { deletedMetafields { ownerId namespace key } userErrors { field message } }
}`;

describe("metafieldsSet / metafieldsDelete", () => {
  const product = "gid://shopify/Product/9100000001";
  // Products belong to the catalog domain; a registered node is all an owner needs to be.
  const twin = useTwin({}, (sandbox) => registerNode(sandbox.state, sandbox.defaultShop, { gid: product, typename: "Product" }));
  const appNs = `app--${apiClientId(TEST_APP.apiKey)}`;
  const set = (metafields: unknown[]) => twin.call(SET, { metafields });
  const row = (key: string, value: string, type = "single_line_text_field", extra: object = {}) => ({ ownerId: product, namespace: "custom", key, type, value, ...extra });

  it("rejects 26 inputs atomically with Shopify's limit error — not even the 25 valid ones are written", async () => {
    const rows = Array.from({ length: 26 }, (_, i) => row(`over_limit_${i}`, `Over limit ${i}`));
    const res = await set(rows);
    expect(res.json.data.metafieldsSet).toEqual({
      metafields: null,
      userErrors: [{ field: ["metafields"], message: "Exceeded the maximum metafields input limit of 25.", code: "LESS_THAN_OR_EQUAL_TO", elementIndex: null }],
    });
    expect(metafieldsOf(twin.sandbox.state, twin.sandbox.defaultShop, product).size).toBe(0);

    const ok = await set(rows.slice(0, 25));
    expect(ok.json.data.metafieldsSet.userErrors).toEqual([]);
    expect(ok.json.data.metafieldsSet.metafields).toHaveLength(25);
  });

  it("is all-or-nothing when any row has a userError", async () => {
    const res = await set([row("atomic_ok", "fine"), row("atomic_bad", "nope", "number_integer")]);
    expect(res.json.data.metafieldsSet).toEqual({
      metafields: [],
      userErrors: [{ field: ["metafields", "1", "value"], message: "Value must be an integer.", code: "INVALID_VALUE", elementIndex: null }],
    });
    expect(metafieldsOf(twin.sandbox.state, twin.sandbox.defaultShop, product).has("custom.atomic_ok")).toBe(false);
  });

  it.each([
    ["number_integer", "not a number", "Value must be an integer.", null],
    ["boolean", "yes", "Value must be true or false.", null],
    ["color", "blue", "Value must be a hex color code.", null],
    ["date", "2026/06/21", "Value must be in YYYY-MM-DD format.", null],
    ["date_time", "tomorrow", "Value must be in \u201cYYYY-MM-DDTHH:MM:SS\u201d format. For example: 2022-06-01T15:30:00", null],
    ["json", "{nope", "Value is invalid JSON: expected object key, got 'nope' at line 1 column 2.", null],
    ["number_decimal", "10000000000000.1", "Value can't exceed 9999999999999.", null],
    ["url", "example.com", `Value cannot have an empty scheme (protocol), must include one of the following URL schemes: ["http", "https", "mailto", "sms", "tel"].'`, null],
    ["single_line_text_field", "", "Value can't be blank.", null],
    ["single_line_text_field", "Line\nBreak", "Value must be a single line text string.", null],
    ["multi_line_text_field", "   ", "Value can't be blank.", null],
    ["list.number_integer", '[1,"x"]', "Value must be an integer.", 1],
    ["list.single_line_text_field", JSON.stringify(Array.from({ length: 129 }, (_, i) => `item-${i}`)), "Value has more than 128 elements.", null],
    ["product_reference", "gid://shopify/Product/999999998", "Value references non-existent resource gid://shopify/Product/999999998.", null],
    ["money", '{"amount":"12.00"}', "Value must be a stringified JSON object with amount (numeric) and currency_code (string matching the shop's currency) fields.", null],
    ["weight", '{"value":1,"unit":"bogus"}', "Value must be a supported unit.", null],
  ])("validates %s values with Shopify's message (%j)", async (type, value, message, elementIndex) => {
    const res = await set([row("typed", value, type)]);
    expect(res.json.data.metafieldsSet).toEqual({ metafields: [], userErrors: [{ field: ["metafields", "0", "value"], message, code: "INVALID_VALUE", elementIndex }] });
  });

  it("normalizes stored values the way Shopify reports them", async () => {
    const res = await set([
      row("dt", "2024-01-01T12:30:00", "date_time"),
      row("dec", "10.4", "number_decimal"),
      row("dim", '{"value":25,"unit":"centimeters"}', "dimension"),
      row("weights", '[{"value":2.5,"unit":"kilograms"}]', "list.weight"),
      row("int", "10", "number_integer"),
      row("flag", "true", "boolean"),
    ]);
    const byKey = Object.fromEntries(res.json.data.metafieldsSet.metafields.map((m: any) => [m.key, m]));
    expect(byKey.dt).toMatchObject({ value: "2024-01-01T12:30:00+00:00", jsonValue: "2024-01-01T12:30:00+00:00" });
    expect(byKey.dec).toMatchObject({ value: "10.4", jsonValue: "10.4" });
    expect(byKey.dim).toMatchObject({ value: '{"value":25.0,"unit":"CENTIMETERS"}', jsonValue: { value: 25, unit: "CENTIMETERS" } });
    expect(byKey.weights).toMatchObject({ value: '[{"value":2.5,"unit":"KILOGRAMS"}]', jsonValue: [{ value: 2.5, unit: "kg" }] });
    expect(byKey.int).toMatchObject({ jsonValue: 10, ownerType: "PRODUCT", owner: { __typename: "Product", id: product } });
    expect(byKey.flag.jsonValue).toBe(true);
    expect(byKey.int.compareDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("checks namespace/key lengths, reserved namespaces, missing type and unknown owners", async () => {
    const res = await set([
      { ...row("valid_key", "v"), namespace: "ab" },
      { ...row("x", "v") },
      { ...row("title", "x"), namespace: "shopify_standard" },
      { ownerId: product, namespace: "custom", key: "no_type", value: "v" },
      { ...row("owner", "v"), ownerId: "gid://shopify/Product/404" },
    ]);
    expect(res.json.data.metafieldsSet.userErrors).toEqual([
      { field: ["metafields", "0", "namespace"], message: "Namespace is too short (minimum is 3 characters)", code: "TOO_SHORT", elementIndex: null },
      { field: ["metafields", "1", "key"], message: "Key is too short (minimum is 2 characters)", code: "TOO_SHORT", elementIndex: null },
      { field: ["metafields", "2", "namespace"], message: "Namespace shopify_standard is a reserved namespace", code: null, elementIndex: null },
      { field: ["metafields", "3", "type"], message: "Type can't be blank", code: "BLANK", elementIndex: null },
      { field: ["metafields", "4", "ownerId"], message: "Owner does not exist.", code: "INVALID_VALUE", elementIndex: null },
    ]);
  });

  it("resolves $app namespaces to app--<api client id> and refuses other apps' namespaces", async () => {
    const res = await set([
      { ownerId: product, namespace: "$app:Gallery_Settings", key: "tier", type: "single_line_text_field", value: "gold" },
      { ownerId: product, key: "defaulted", type: "single_line_text_field", value: "silver" },
    ]);
    expect(res.json.data.metafieldsSet.metafields.map((m: any) => m.namespace)).toEqual([`${appNs}--Gallery_Settings`, appNs]);

    const foreign = await set([{ ownerId: product, namespace: "app--999999999999--x", key: "tier", type: "single_line_text_field", value: "blocked" }]);
    expect(foreign.json.data.metafieldsSet.userErrors).toEqual([
      { field: ["metafields", "0"], message: "Access to this namespace and key on Metafields for this resource type is not allowed.", code: "APP_NOT_AUTHORIZED", elementIndex: null },
    ]);

    const del = await twin.call(DELETE, { metafields: [{ ownerId: product, namespace: "$app:Gallery_Settings", key: "tier" }, { ownerId: product, namespace: "custom", key: "never" }] });
    expect(del.json.data.metafieldsDelete).toEqual({ deletedMetafields: [{ ownerId: product, namespace: `${appNs}--Gallery_Settings`, key: "tier" }, null], userErrors: [] });
  });

  it("implements compareDigest: stale, invalid, create-only and identical writes", async () => {
    const first = await set([row("cas", "Before")]);
    const digest = first.json.data.metafieldsSet.metafields[0].compareDigest;
    const changed = await set([row("cas", "After", undefined, { compareDigest: digest })]);
    expect(changed.json.data.metafieldsSet.userErrors).toEqual([]);

    const stale = await set([row("cas", "Again", undefined, { compareDigest: digest })]);
    expect(stale.json.data.metafieldsSet.userErrors).toEqual([
      { field: ["metafields", "0"], message: "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.", code: "STALE_OBJECT", elementIndex: null },
    ]);
    const same = await set([row("cas", "After", undefined, { compareDigest: "not-a-hex-digest" })]);
    expect(same.json.data.metafieldsSet.userErrors).toEqual([]);

    const missing = await set([row("cas_missing", "x", undefined, { compareDigest: "0".repeat(64) })]);
    expect(missing.json.data.metafieldsSet.userErrors[0]).toMatchObject({ code: "INVALID_COMPARE_DIGEST", message: "Invalid `compareDigest` value." });
    const createOnly = await set([row("cas_new", "x", undefined, { compareDigest: null })]);
    expect(createOnly.json.data.metafieldsSet.userErrors).toEqual([]);
    const createOnlyAgain = await set([row("cas_new", "y", undefined, { compareDigest: null })]);
    expect(createOnlyAgain.json.data.metafieldsSet.userErrors[0].code).toBe("STALE_OBJECT");
  });

  it("reads app-data metafields through currentAppInstallation { metafield metafields }", async () => {
    const inst = await twin.call("{ currentAppInstallation { id } }");
    const owner = inst.json.data.currentAppInstallation.id;
    await set([{ ownerId: owner, namespace: "$app:settings", key: "layout", type: "json", value: '{"columns":3}' }]);
    const read = await twin.call(`{ currentAppInstallation {
      metafield(namespace: "$app:settings", key: "layout") { namespace key jsonValue ownerType }
      metafields(first: 5) { nodes { key } pageInfo { hasNextPage } }
    } }`);
    expect(read.json.errors).toBeUndefined();
    expect(read.json.data.currentAppInstallation).toEqual({
      metafield: { namespace: `${appNs}--settings`, key: "layout", jsonValue: { columns: 3 }, ownerType: "API_PERMISSION" },
      metafields: { nodes: [{ key: "layout" }], pageInfo: { hasNextPage: false } },
    });
  });
});
