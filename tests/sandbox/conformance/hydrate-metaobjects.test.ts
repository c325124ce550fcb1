import { describe, expect, it } from "vitest";
import { definitionInput, hydrateMetaobjectDefinitions, preexistingDefinitions, recordedDefinitions } from "../../../sandbox/conformance/rebuild/hydrate-metaobjects";
import { normalizeCapture, type Exchange } from "../../../sandbox/conformance/normalize";
import { postGraphql, startTwin } from "../../../sandbox/conformance/twin";
import { replayScenario } from "../../../sandbox/conformance/replay";
import { deletesBeforeRecreate } from "../../../sandbox/conformance/order/recreate-order";

// Metaobject definitions the recorded shop already had, rebuilt before the replay (hydrate-metaobjects.ts).

const ex = (path: string, over: Partial<Exchange>): Exchange => ({ path, name: path, shape: 3, querySource: "inline", variables: {}, status: 200, response: { data: {} }, ...over });
const LIST = "query L { metaobjectDefinitions(first: 250) { nodes { id type name standardTemplate { type name } } pageInfo { hasNextPage } } }";
const CREATE = "mutation C($definition: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $definition) { metaobjectDefinition { id type } userErrors { field message code } } }";
const shopDefs = [
  { id: "gid://shopify/MetaobjectDefinition/17880285490", type: "shopify--color-pattern", name: "Color", standardTemplate: { type: "shopify--color-pattern", name: "Color" } },
  { id: "gid://shopify/MetaobjectDefinition/18048024882", type: "lab_test", name: "Lab Test", standardTemplate: null },
];
const listRead = (nodes: unknown[]) => ex("$.preflight", { query: LIST, response: { data: { metaobjectDefinitions: { nodes, pageInfo: { hasNextPage: false } } } } });
const create = (path: string, id: string, type: string) => ex(path, { query: CREATE, variables: { definition: { type, name: type } }, response: { data: { metaobjectDefinitionCreate: { metaobjectDefinition: { id, type }, userErrors: [] } } } });

describe("which definitions are the recorded shop's", () => {
  it("takes the definitions a read showed before the scenario named them, oldest first", () => {
    const found = preexistingDefinitions([listRead([...shopDefs].reverse()), create("$.create", "gid://shopify/MetaobjectDefinition/19000000000", "mine")]);
    expect(found).toEqual([
      { gid: shopDefs[0]!.id, type: "shopify--color-pattern", name: "Color" },
      { gid: shopDefs[1]!.id, type: "lab_test", name: "Lab Test" },
    ]);
  });

  it("never takes what the scenario created or enabled, even when a read shows it first", () => {
    const mine = "gid://shopify/MetaobjectDefinition/19000000000";
    expect(preexistingDefinitions([listRead([{ id: mine, type: "mine", name: "Mine" }]), create("$.create", mine, "mine")])).toEqual([]);
  });

  it("does not read the shop's state off a read that shows a definition the scenario makes later (the order misplaces that read)", () => {
    const mine = { id: "gid://shopify/MetaobjectDefinition/19000000000", type: "mine", name: "Mine" };
    expect(preexistingDefinitions([listRead([mine, ...shopDefs]), create("$.create", mine.id, "mine")])).toEqual([]);
  });

  it("does not take a definition from a read after a mutation of the scenario named it", () => {
    const update = ex("$.update", { query: "mutation U($id: ID!) { metaobjectDefinitionUpdate(id: $id, definition: { name: \"X\" }) { metaobjectDefinition { id } userErrors { field } } }", variables: { id: shopDefs[1]!.id }, response: { data: { metaobjectDefinitionUpdate: { metaobjectDefinition: { id: shopDefs[1]!.id }, userErrors: [] } } } });
    expect(preexistingDefinitions([update, listRead(shopDefs)]).map((d) => d.gid)).toEqual([shopDefs[0]!.id]);
  });

  it("fills in from the proxy's read-through answers only what the scenario never showed", () => {
    const upstream = ex("$.upstreamCalls[0]", { evidence: true, query: "query H($type: String!) { metaobjectDefinitionByType(type: $type) { id type name } }", variables: { type: "lab_test" }, response: { data: { metaobjectDefinitionByType: { id: shopDefs[1]!.id, type: "lab_test", name: "Renamed later" } } } });
    const cold = ex("$.upstreamCalls[1]", { evidence: true, query: "query H($type: String!) { metaobjectDefinitionByType(type: $type) { id type name } }", variables: { type: "cold" }, response: { data: { metaobjectDefinitionByType: { id: "gid://shopify/MetaobjectDefinition/17912889650", type: "cold", name: "Cold" } } } });
    const defs = recordedDefinitions([listRead(shopDefs)], [upstream, cold]);
    expect(defs.map((d) => [d.type, d.name])).toEqual([["shopify--color-pattern", "Color"], ["cold", "Cold"], ["lab_test", "Lab Test"]]);
  });

  it("asks for no value the reads did not show", () => {
    expect(definitionInput({ gid: "gid://shopify/MetaobjectDefinition/1", type: "todo", displayNameKey: "title" })).toEqual({ type: "todo", name: "todo", fieldDefinitions: [] });
    expect(definitionInput({ gid: "gid://shopify/MetaobjectDefinition/1", type: "app--347082227713--todo", name: "Todo", fieldDefinitions: [{ key: "title", type: "single_line_text_field", required: true }], displayNameKey: "title" }))
      .toEqual({ type: "$app:todo", name: "Todo", displayNameKey: "title", fieldDefinitions: [{ key: "title", type: "single_line_text_field", required: true }] });
  });
});

describe("rebuilding them in the twin", () => {
  it("enables a standard definition from Shopify's template, creates the others, and marks what no read showed as partial", async () => {
    const twin = await startTwin("harry-test-heelo.myshopify.com", { scopes: ["read_metaobject_definitions", "write_metaobject_definitions"] });
    try {
      const out = await hydrateMetaobjectDefinitions(twin, preexistingDefinitions([listRead(shopDefs)]));
      expect(out.failures).toEqual([]);
      expect(out.ids.map(([c]) => c)).toEqual(shopDefs.map((d) => d.id));
      expect(out.partial).toEqual([shopDefs[1]!.id]); // lab_test: its field definitions were never read
      const read = await postGraphql(twin, { query: "{ metaobjectDefinitions(first: 10) { nodes { type name standardTemplate { type } fieldDefinitions { key } } } }", variables: {} });
      expect((read.body as any).data.metaobjectDefinitions.nodes).toEqual([
        { type: "shopify--color-pattern", name: "Color", standardTemplate: { type: "shopify--color-pattern" }, fieldDefinitions: expect.arrayContaining([{ key: "label" }]) },
        { type: "lab_test", name: "Lab Test", standardTemplate: null, fieldDefinitions: [] },
      ]);
    } finally {
      await twin.close();
    }
  });

  it("replays a create that Shopify refused at the definition cap the shop's own definitions had filled", async () => {
    const capture = { file: "harry-test-heelo.myshopify.com/2026-04/metaobjects/t.json", shop: "harry-test-heelo.myshopify.com", apiVersion: "2026-04", domain: "metaobjects" };
    const custom = Array.from({ length: 127 }, (_, i) => create(`$.creates[${i}]`, `gid://shopify/MetaobjectDefinition/${19000000000 + i}`, `mine_${i}`));
    const refused = ex("$.limit", { query: CREATE, variables: { definition: { type: "one_too_many", name: "x" } }, response: { data: { metaobjectDefinitionCreate: { metaobjectDefinition: null, userErrors: [{ field: ["definition"], message: "Total definition count exceeds the limit of 128", code: "MAX_DEFINITIONS_EXCEEDED" }] } } } });
    const results = await replayScenario(capture, [listRead(shopDefs), ...custom, refused]);
    expect(results.map((r) => r.outcome.status).filter((s) => s !== "passed")).toEqual([]);
  }, 60_000);
});

describe("a read the recorder named …-before-create (normalize.ts)", () => {
  const byType = { query: "query H($type: String!) { metaobjectDefinitionByType(type: $type) { id } }", variables: { type: "t" } };
  it("goes before the scenario's first change", () => {
    const steps = normalizeCapture({
      setup: [{ name: "create", request: { query: CREATE, variables: { definition: { type: "t", name: "t" } } }, response: { data: { metaobjectDefinitionCreate: { metaobjectDefinition: { id: "gid://shopify/MetaobjectDefinition/1", type: "t" }, userErrors: [] } } } }],
      hydrate: [{ name: "hydrate-definition-by-type-before-create", request: byType, response: { data: { metaobjectDefinitionByType: null } } }],
    });
    expect(steps.map((s) => s.path)).toEqual(["$.hydrate[0]", "$.setup[0]"]);
  });

  it("stays in place when it is named otherwise", () => {
    const steps = normalizeCapture({
      setup: [{ name: "create", request: { query: CREATE, variables: { definition: { type: "t", name: "t" } } }, response: { data: { metaobjectDefinitionCreate: { metaobjectDefinition: { id: "gid://shopify/MetaobjectDefinition/1", type: "t" }, userErrors: [] } } } }],
      hydrate: [{ name: "hydrate-definition-by-type", request: byType, response: { data: { metaobjectDefinitionByType: { id: "gid://shopify/MetaobjectDefinition/1" } } } }],
    });
    expect(steps.map((s) => s.path)).toEqual(["$.setup[0]", "$.hydrate[0]"]);
  });
});

describe("a definition type shown again under a new id (recreate-order.ts)", () => {
  const ENABLE = "mutation E($type: String!) { standardMetaobjectDefinitionEnable(type: $type) { metaobjectDefinition { id type } userErrors { field } } }";
  const DELETE = "mutation D($id: ID!) { metaobjectDefinitionDelete(id: $id) { deletedId userErrors { field } } }";
  const enable = (path: string, id: string) => ex(path, { query: ENABLE, variables: { type: "shopify--qa-pair" }, response: { data: { standardMetaobjectDefinitionEnable: { metaobjectDefinition: { id, type: "shopify--qa-pair" }, userErrors: [] } } } });
  const remove = (path: string, id: string) => ex(path, { query: DELETE, variables: { id }, response: { data: { metaobjectDefinitionDelete: { deletedId: id, userErrors: [] } } } });
  const [first, second] = ["gid://shopify/MetaobjectDefinition/17868423474", "gid://shopify/MetaobjectDefinition/17868521778"];
  const read = (path: string, id: string) => ex(path, { query: "query R($id: ID!) { metaobjectDefinition(id: $id) { id type } }", variables: { id }, response: { data: { metaobjectDefinition: { id, type: "shopify--qa-pair" } } } });

  it("moves the earlier definition's delete to before the step that answered the new one", () => {
    const order = deletesBeforeRecreate([enable("$.qaPair", first), read("$.qaPairRead", first), enable("$.duplicateFirst", second), remove("$.cleanup[0]", first), remove("$.cleanup[1]", second)]);
    expect(order.map((s) => s.path)).toEqual(["$.qaPair", "$.qaPairRead", "$.cleanup[0]", "$.duplicateFirst", "$.cleanup[1]"]);
  });

  it("keeps the order when the same definition is answered again, or a step after the new one still names the old one", () => {
    const same = [enable("$.a", first), enable("$.b", first), remove("$.cleanup[0]", first)];
    expect(deletesBeforeRecreate(same).map((s) => s.path)).toEqual(["$.a", "$.b", "$.cleanup[0]"]);
    const stillUsed = [enable("$.a", first), enable("$.b", second), read("$.readOld", first), remove("$.cleanup[0]", first)];
    expect(deletesBeforeRecreate(stillUsed).map((s) => s.path)).toEqual(["$.a", "$.b", "$.readOld", "$.cleanup[0]"]);
  });
});
