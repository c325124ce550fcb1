import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tesseraDemoShop } from "../../../sandbox/shopify/fixtures/tessera-demo";
import { loadCapture, startTwin, type TwinClient } from "./fixtures";

// Metaobject entries as translatable resources: content = the fields whose type is a
// LocalizableContentType, in definition order (metaobjectDefinitionUpdate-capability-invariants.json:
// title listed, number_integer count not), and translationsRegister works on them.

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const shop = tesseraDemoShop();

const DEFINE = `mutation Define($definition: MetaobjectDefinitionCreateInput!) {
  metaobjectDefinitionCreate(definition: $definition) { metaobjectDefinition { id } userErrors { field message code } }
}`;
const CREATE = `mutation Create($metaobject: MetaobjectCreateInput!) {
  metaobjectCreate(metaobject: $metaobject) { metaobject { id } userErrors { field message code } }
}`;
const READ = `query Read($id: ID!) {
  translatableResource(resourceId: $id) {
    resourceId
    translatableContent { key value digest locale type }
    translations(locale: "fr") { key value locale outdated }
  }
}`;
const LIST = `{ translatableResources(first: 10, resourceType: METAOBJECT) { nodes { resourceId translatableContent { key } } } }`;
const REGISTER = `mutation Register($resourceId: ID!, $translations: [TranslationInput!]!) {
  translationsRegister(resourceId: $resourceId, translations: $translations) {
    translations { key value locale outdated }
    userErrors { field message code }
  }
}`;

let twin: TwinClient;
let translatableId: string;
let plainId: string;

async function entry(type: string, translatable: boolean, fields: { key: string; value: string }[]) {
  const definition = {
    type,
    name: type,
    capabilities: translatable ? { translatable: { enabled: true } } : {},
    fieldDefinitions: [
      { key: "title", name: "Title", type: "single_line_text_field" },
      { key: "count", name: "Count", type: "number_integer" },
      { key: "links", name: "Links", type: "list.url" },
      { key: "notes", name: "Notes", type: "multi_line_text_field" },
    ],
  };
  const defined = await twin.gql(DEFINE, { definition });
  expect(defined.data.metaobjectDefinitionCreate.userErrors).toEqual([]);
  const created = await twin.gql(CREATE, { metaobject: { type, fields } });
  expect(created.data.metaobjectCreate.userErrors).toEqual([]);
  return created.data.metaobjectCreate.metaobject.id as string;
}

beforeAll(async () => {
  twin = await startTwin(shop);
  const fields = [
    { key: "title", value: "Care guide" },
    { key: "count", value: "3" },
    { key: "links", value: '["https://example.com/care"]' },
  ];
  translatableId = await entry("care_guide", true, fields);
  plainId = await entry("plain_note", false, fields);
});
afterAll(async () => {
  await twin.sandbox.close();
});

describe("metaobject translatable resources", () => {
  it("list the set fields of translatable types, in definition order, typed by LocalizableContentType", async () => {
    const r = (await twin.gql(READ, { id: translatableId })).data.translatableResource;
    const links = '["https://example.com/care"]';
    expect(r.translatableContent).toEqual([
      { key: "title", value: "Care guide", digest: sha256("Care guide"), locale: "en", type: "SINGLE_LINE_TEXT_FIELD" },
      { key: "links", value: links, digest: sha256(links), locale: "en", type: "LIST_URL" },
    ]);
  });

  it("take a translation of a text field and refuse a number field's key", async () => {
    const ok = await twin.gql(REGISTER, {
      resourceId: translatableId,
      translations: [{ locale: "fr", key: "title", value: "Guide d'entretien", translatableContentDigest: sha256("Care guide") }],
    });
    expect(ok.data.translationsRegister).toEqual({ translations: [{ key: "title", value: "Guide d'entretien", locale: "fr", outdated: false }], userErrors: [] });
    const bad = await twin.gql(REGISTER, {
      resourceId: translatableId,
      translations: [{ locale: "fr", key: "count", value: "trois", translatableContentDigest: sha256("3") }],
    });
    expect(bad.data.translationsRegister.userErrors).toEqual([
      { field: ["translations", "0", "key"], message: "Key count is not a valid translatable field", code: "INVALID_KEY_FOR_MODEL" },
    ]);
    const r = (await twin.gql(READ, { id: translatableId })).data.translatableResource;
    expect(r.translations).toEqual([{ key: "title", value: "Guide d'entretien", locale: "fr", outdated: false }]);
  });

  it("fail loudly for an entry whose definition is not translatable (Shopify's answer not captured)", async () => {
    const res = await twin.gql(READ, { id: plainId });
    expect(res.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
    const list = await twin.gql(LIST);
    expect(list.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });
});

describe("metaobject market localizations", () => {
  it("read an unknown entry as absent and fail loudly for an existing one (not captured)", async () => {
    const q = `query($id: ID!) { marketLocalizableResource(resourceId: $id) { resourceId } }`;
    expect((await twin.gql(q, { id: "gid://shopify/Metaobject/1" })).data.marketLocalizableResource).toBeNull();
    expect((await twin.gql(q, { id: translatableId })).errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });
});

describe("replay: metaobjects/metaobjectDefinitionUpdate-capability-invariants.json", () => {
  it("answers the translatable definition's entry read and translation register as captured", async () => {
    const c = loadCapture("metaobjects", "metaobjectDefinitionUpdate-capability-invariants").captures;
    const send = (name: string, variables?: Record<string, unknown>) => twin.gql(c[name].request.query, variables ?? c[name].request.variables);
    expect((await send("translatable-definition-create")).data.metaobjectDefinitionCreate.userErrors).toEqual([]);
    const entryId = (await send("translatable-entry-create")).data.metaobjectCreate.metaobject.id;
    const capturedId = c["translatable-entry-create"].response.data.metaobjectCreate.metaobject.id;
    const withTwinId = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(capturedId, entryId));

    const read = await send("translatable-resource-read", withTwinId(c["translatable-resource-read"].request.variables));
    expect(read.data).toEqual(withTwinId(c["translatable-resource-read"].response.data));
    const register = await send("translation-register", withTwinId(c["translation-register"].request.variables));
    expect(register.data).toEqual(c["translation-register"].response.data);
  });
});
