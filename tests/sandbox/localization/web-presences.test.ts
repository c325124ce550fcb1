import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DE_PUBLISHED, EN, captureShop, loadCapture, startTwin, step, type TwinClient } from "./fixtures";

// webPresenceCreate/Update/Delete, marketCreate/Update/Delete and the not-found paths of market
// localizations, replayed against markets/market-web-presence-lifecycle-parity.json and friends on
// a twin of the capture shop whose fr, de, it and pt-BR are published (as they were when recorded).

const FIELDS = `fragment F on MarketWebPresence {
  id subfolderSuffix domain { id host url sslEnabled } rootUrls { locale url }
  defaultLocale { locale name primary published } alternateLocales { locale name primary published }
  markets(first: 5) { nodes { id name handle status type } }
}`;
const CREATE = `${FIELDS} mutation($input: WebPresenceCreateInput!) { webPresenceCreate(input: $input) { webPresence { ...F } userErrors { field message code } } }`;
const UPDATE = `${FIELDS} mutation($id: ID!, $input: WebPresenceUpdateInput!) { webPresenceUpdate(id: $id, input: $input) { webPresence { ...F } userErrors { field message code } } }`;
const DELETE = `mutation($id: ID!) { webPresenceDelete(id: $id) { deletedId userErrors { field message code } } }`;
const MARKET_CREATE = `mutation($input: MarketCreateInput!) { marketCreate(input: $input) { market { id name handle status enabled type } userErrors { field message code } } }`;
const MARKET_UPDATE = `mutation($id: ID!, $input: MarketUpdateInput!) { marketUpdate(id: $id, input: $input) { market { id webPresences(first: 5) { nodes { id subfolderSuffix } } } userErrors { field message code } } }`;
const MARKET_DELETE = `mutation($id: ID!) { marketDelete(id: $id) { deletedId userErrors { field message code } } }`;

const published = (locale: string, name: string) => ({ locale, name, primary: false, published: true });
const lifecycle = loadCapture("markets", "market-web-presence-lifecycle-parity");
const captured = (i: number) => step(lifecycle.cases[i]);
/** The captured payload with the ids the twin mints itself replaced by the twin's. */
const withId = (payload: any, id: string) => ({ ...payload, webPresence: { ...payload.webPresence, id } });

let twin: TwinClient;
beforeEach(async () => {
  twin = await startTwin(captureShop([EN, published("fr", "French"), DE_PUBLISHED, published("it", "Italian"), published("pt-BR", "Portuguese (Brazil)")]));
});
afterEach(() => twin.sandbox.close());

const create = async (input: Record<string, unknown>) => (await twin.gql(CREATE, { input })).data.webPresenceCreate;
const update = async (id: string, input: Record<string, unknown>) => (await twin.gql(UPDATE, { id, input })).data.webPresenceUpdate;
const remove = async (id: string) => (await twin.gql(DELETE, { id })).data.webPresenceDelete;

describe("webPresenceCreate", () => {
  it.each([
    [5, "multi-locale: alternates keep their order, rootUrls sort them"],
    [6, "fr-CA: rootUrls echo the code, defaultLocale is the shop's fr"],
    [7, "pt-BR alternate"],
    [8, "en-us: any case of an enabled locale"],
    [39, "Italian default"],
  ])("answers case %i as captured (%s)", async (i) => {
    const { variables, data } = captured(i);
    const got = await create(variables.input);
    expect(got).toEqual(withId(data.webPresenceCreate, got.webPresence.id));
  });

  it.each([9, 40, 33, 34, 24, 25, 26])("refuses case %i with the captured errors", async (i) => {
    const { variables, data } = captured(i);
    expect(await create(variables.input)).toEqual(data.webPresenceCreate);
  });

  it("reports an unknown domain with an invalid default locale, and nothing else (validation.json)", async () => {
    const { variables, data } = step(loadCapture("markets", "market-web-presence-validation").cases[0]);
    expect(await create(variables.input)).toEqual(data.webPresenceCreate);
  });

  it("refuses a one-letter suffix (markets-user-error-typename.json)", async () => {
    expect((await create({ defaultLocale: "en", subfolderSuffix: "x" })).userErrors).toEqual([
      { field: ["input", "subfolderSuffix"], message: "Subfolder suffix must be at least 2 letters", code: "SUBFOLDER_SUFFIX_MUST_BE_AT_LEAST_2_LETTERS" },
    ]);
  });

  it("fails loudly for a locale the shop has not published (UNPUBLISHED_LANGUAGE message not captured)", async () => {
    const res = await twin.gql(CREATE, { input: { defaultLocale: "ja", subfolderSuffix: "jpn" } });
    expect(res.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });

  it("holds a suffix only while its presence belongs to a market (cases 16-18, 27/32)", async () => {
    const first = await create({ defaultLocale: "en", alternateLocales: [], subfolderSuffix: "us" });
    expect((await create({ defaultLocale: "en", alternateLocales: [], subfolderSuffix: "us" })).userErrors).toEqual([]);
    const market = (await twin.gql(MARKET_CREATE, { input: { name: "Web Presence Duplicate Source mrfknr5i" } })).data.marketCreate.market;
    const linked = (await twin.gql(MARKET_UPDATE, { id: market.id, input: { webPresencesToAdd: [first.webPresence.id] } })).data.marketUpdate;
    expect(linked).toEqual({ market: { id: market.id, webPresences: { nodes: [{ id: first.webPresence.id, subfolderSuffix: "us" }] } }, userErrors: [] });
    expect(await create({ defaultLocale: "en", alternateLocales: [], subfolderSuffix: "us" })).toEqual(captured(18).data.webPresenceCreate);
    const other = await create({ defaultLocale: "en", subfolderSuffix: "other" });
    expect(await update(other.webPresence.id, { subfolderSuffix: "us" })).toEqual(captured(23).data.webPresenceUpdate);
  });
});

describe("webPresenceUpdate", () => {
  it("changes only what the input sets (case 11) and checks only those fields for duplicates (36, 38)", async () => {
    const fr = (await create(captured(10).variables.input)).webPresence;
    const got = await update(fr.id, { alternateLocales: ["de"] });
    expect(got).toEqual(withId(captured(11).data.webPresenceUpdate, fr.id));

    const enFr = (await create(captured(35).variables.input)).webPresence;
    expect(await update(enFr.id, { defaultLocale: "fr" })).toEqual(captured(36).data.webPresenceUpdate);
    const en = (await create(captured(37).variables.input)).webPresence;
    expect(await update(en.id, { alternateLocales: ["en", "en"] })).toEqual(captured(38).data.webPresenceUpdate);
  });

  it("refuses non-letter suffixes and answers not found for an unknown id", async () => {
    const w = (await create({ defaultLocale: "en", alternateLocales: [], subfolderSuffix: "harjcltenlycw" })).webPresence;
    for (const i of [29, 30, 31]) expect(await update(w.id, captured(i).variables.input)).toEqual(captured(i).data.webPresenceUpdate);
    expect((await update(w.id, { subfolderSuffix: "us" })).webPresence.rootUrls).toEqual([{ locale: "en", url: "https://harry-test-heelo.myshopify.com/en-us/" }]);
    const { variables, data } = step(loadCapture("markets", "market-web-presence-validation").cases[1]);
    expect(await update(variables.id, variables.input)).toEqual(data.webPresenceUpdate);
  });
});

describe("webPresenceDelete", () => {
  it("deletes, answers the id again for a deleted presence, and not found for an unknown one", async () => {
    const w = (await create({ defaultLocale: "en", subfolderSuffix: "gone" })).webPresence;
    expect(await remove(w.id)).toEqual({ deletedId: w.id, userErrors: [] });
    expect(await remove(w.id)).toEqual({ deletedId: w.id, userErrors: [] });
    expect(await remove("gid://shopify/MarketWebPresence/0")).toEqual({
      deletedId: null,
      userErrors: [{ field: ["id"], message: "The market web presence wasn't found.", code: "WEB_PRESENCE_NOT_FOUND" }],
    });
    const ids = (await twin.gql("{ webPresences(first: 10) { nodes { id } } }")).data.webPresences.nodes.map((n: { id: string }) => n.id);
    expect(ids).not.toContain(w.id);
  });

  it("keeps the primary domain's presence (case 13)", async () => {
    const root = (await twin.gql("{ webPresences(first: 10) { nodes { id domain { host } } } }")).data.webPresences.nodes.find((n: any) => n.domain);
    expect(await remove(root.id)).toEqual(captured(13).data.webPresenceDelete);
  });
});

describe("marketCreate / marketDelete", () => {
  it("creates ACTIVE NONE markets with enabled: true, DRAFT ones from a name, handles from the name", async () => {
    const conn = loadCapture("markets", "markets-connection-arguments");
    const alpha = step(conn.cases[0]);
    const got = (await twin.gql(MARKET_CREATE, alpha.variables)).data.marketCreate;
    const expected = alpha.data.marketCreate;
    expect(got).toEqual({ ...expected, market: { ...expected.market, id: got.market.id, handle: "zzzdpconn20260704031525-alpha" } });
    const draft = (await twin.gql(MARKET_CREATE, captured(15).variables)).data.marketCreate;
    expect(draft.market).toMatchObject({ ...captured(15).data.marketCreate.market, id: draft.market.id, enabled: false, type: "NONE" });

    expect((await twin.gql(MARKET_DELETE, { id: got.market.id })).data.marketDelete).toEqual({ deletedId: got.market.id, userErrors: [] });
    expect((await twin.gql("query($id: ID!) { market(id: $id) { id } }", { id: got.market.id })).data.market).toBeNull();
  });

  it("creates a region market; its status, which depends on shipping rates, fails loudly until set (region-node-shape.json)", async () => {
    const capture = loadCapture("markets", "market-create-region-node-shape");
    const { variables, data } = step(capture.cases[0]);
    const QUERY = `market { id type conditions { regionsCondition { regions(first: 10) { nodes { id name __typename ... on MarketRegionCountry { code } } } } } }`;
    const created = (await twin.gql(`mutation($input: MarketCreateInput!) { marketCreate(input: $input) { ${QUERY} userErrors { field message code } } }`, variables)).data.marketCreate;
    const region = created.market.conditions.regionsCondition.regions.nodes[0];
    const expected = data.marketCreate.market.conditions.regionsCondition.regions.nodes[0];
    expect(region).toEqual({ ...expected, id: region.id });
    expect(created.market.type).toBe("REGION");
    const read = await twin.gql(`query($id: ID!) { market(id: $id) { conditions { conditionTypes regionsCondition { applicationLevel regions(first: 10) { nodes { id } } } } } }`, { id: created.market.id });
    // market-detail.json: a market on listed countries is a REGION condition applied to SPECIFIED regions.
    expect(read.data.market.conditions).toEqual({ conditionTypes: ["REGION"], regionsCondition: { applicationLevel: "SPECIFIED", regions: { nodes: [{ id: region.id }] } } });

    const status = await twin.gql(`query($id: ID!) { market(id: $id) { status } }`, { id: created.market.id });
    expect(status.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
    await twin.gql(MARKET_UPDATE, { id: created.market.id, input: { status: "ACTIVE" } });
    expect((await twin.gql(`query($id: ID!) { market(id: $id) { status enabled } }`, { id: created.market.id })).data.market).toEqual({ status: "ACTIVE", enabled: true });
  });

  it("fails loudly for inputs it does not model (other conditions, catalogs)", async () => {
    const res = await twin.gql(MARKET_CREATE, { input: { name: "Locations", conditions: { locationsCondition: { locationIds: [] } } } });
    expect(res.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
    const res2 = await twin.gql(MARKET_CREATE, { input: { name: "Catalogued", catalogs: ["gid://shopify/MarketCatalog/1"] } });
    expect(res2.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });
});

describe("market localizations", () => {
  it("reads unknown resources as absent and refuses to register or remove on them (captured)", async () => {
    const empty = step(loadCapture("markets", "market-localizable-empty-read"));
    const read = await twin.gql(
      `query($resourceId: ID!, $resourceIds: [ID!]!, $first: Int!) {
        marketLocalizableResource(resourceId: $resourceId) { resourceId }
        marketLocalizableResources(first: $first, resourceType: METAFIELD) { nodes { resourceId } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
        marketLocalizableResourcesByIds(first: $first, resourceIds: $resourceIds) { nodes { resourceId } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      }`,
      empty.variables,
    );
    expect(read.data.marketLocalizableResource).toBeNull();
    expect(read.data.marketLocalizableResources.pageInfo).toEqual(empty.data.marketLocalizableResources.pageInfo);
    expect(read.data.marketLocalizableResourcesByIds.nodes).toEqual([]);

    const validation = loadCapture("markets", "market-localization-validation");
    const register = step(validation.cases[0]);
    const res = await twin.gql(
      `mutation($resourceId: ID!, $marketLocalizations: [MarketLocalizationRegisterInput!]!) {
        marketLocalizationsRegister(resourceId: $resourceId, marketLocalizations: $marketLocalizations) { marketLocalizations { key } userErrors { field message code } }
      }`,
      register.variables,
    );
    expect(res.data.marketLocalizationsRegister).toEqual(register.data.marketLocalizationsRegister);
    const removal = step(validation.cases[1]);
    const res2 = await twin.gql(
      `mutation($resourceId: ID!, $marketLocalizationKeys: [String!]!, $marketIds: [ID!]!) {
        marketLocalizationsRemove(resourceId: $resourceId, marketLocalizationKeys: $marketLocalizationKeys, marketIds: $marketIds) { marketLocalizations { key } userErrors { field message code } }
      }`,
      removal.variables,
    );
    expect(res2.data.marketLocalizationsRemove).toEqual(removal.data.marketLocalizationsRemove);
  });
});

describe("market catalogs", () => {
  it("creates market catalogs and lists/counts them by type, title query and TITLE sort (catalogs-connection-read.json)", async () => {
    const capture = loadCapture("markets", "catalogs-connection-read");
    const marketIds: string[] = [];
    for (const i of [0, 1]) {
      const { variables } = step(capture.cases[i]);
      marketIds.push((await twin.gql(MARKET_CREATE, variables)).data.marketCreate.market.id);
    }
    const CATALOG_CREATE = `mutation($input: CatalogCreateInput!) { catalogCreate(input: $input) { catalog { id title status ... on MarketCatalog { markets(first: 5) { nodes { id name } } } } userErrors { field message code } } }`;
    const catalogIds: string[] = [];
    for (const i of [2, 3]) {
      const { variables, data } = step(capture.cases[i]);
      const input = { ...variables.input, context: { marketIds: [marketIds[i - 2]] } };
      const got = (await twin.gql(CATALOG_CREATE, { input })).data.catalogCreate;
      const expected = data.catalogCreate;
      expect(got).toEqual({ ...expected, catalog: { ...expected.catalog, id: got.catalog.id, markets: { nodes: [{ ...expected.catalog.markets.nodes[0], id: marketIds[i - 2] }] } } });
      catalogIds.push(got.catalog.id);
    }
    const read = await twin.gql(
      `query($query: String!) {
        firstPage: catalogs(first: 1, type: MARKET, query: $query, sortKey: TITLE, reverse: true) { nodes { id title } pageInfo { hasNextPage hasPreviousPage } }
        wrongType: catalogs(first: 5, type: COMPANY_LOCATION, query: $query, sortKey: TITLE) { nodes { id } }
        limitedCount: catalogsCount(type: MARKET, query: $query, limit: 1) { count precision }
        wrongTypeCount: catalogsCount(type: COMPANY_LOCATION, query: $query, limit: 10) { count precision }
      }`,
      { query: "title:catalogs-connection-20260704024053" },
    );
    const expected = step(capture.cases[4]).data;
    expect(read.data.firstPage.nodes).toEqual([{ id: catalogIds[1], title: expected.firstPage.nodes[0].title }]);
    expect(read.data.firstPage.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(read.data.wrongType.nodes).toEqual([]);
    expect(read.data.limitedCount).toEqual(expected.limitedCount);
    expect(read.data.wrongTypeCount).toEqual(expected.wrongTypeCount);

    const del = await twin.gql(`mutation($id: ID!) { catalogDelete(id: $id) { deletedId userErrors { field message code } } }`, { id: catalogIds[0] });
    expect(del.data.catalogDelete).toEqual({ deletedId: catalogIds[0], userErrors: [] });
  });

  it("lists every catalog without a type, none of type APP, with the baseline's catalog fields (markets-baseline.json)", async () => {
    const alpha = (await twin.gql(MARKET_CREATE, { input: { name: "Zeta", enabled: true } })).data.marketCreate.market.id;
    const beta = (await twin.gql(MARKET_CREATE, { input: { name: "Alpha", enabled: false } })).data.marketCreate.market.id;
    const created = await twin.gql(
      `mutation($input: CatalogCreateInput!) { catalogCreate(input: $input) { catalog { id } userErrors { field message } } }`,
      { input: { title: "Both", status: "ACTIVE", context: { marketIds: [alpha, beta] } } },
    );
    const id = created.data.catalogCreate.catalog.id;
    const read = await twin.gql(`{
      all: catalogs(first: 10) { nodes { __typename id title status priceList { id } publication { id } operations { __typename }
        ... on MarketCatalog { marketsCount { count precision } active: marketsCount(status: ACTIVE) { count precision }
          markets(first: 5) { nodes { name } } } } }
      apps: catalogs(first: 10, type: APP) { nodes { id } }
      appCount: catalogsCount(type: APP) { count precision }
      missing: catalog(id: "gid://shopify/MarketCatalog/1") { id }
    }`);
    expect(read.errors).toBeUndefined();
    expect(read.data.all.nodes).toEqual([{
      __typename: "MarketCatalog", id, title: "Both", status: "ACTIVE", priceList: null, publication: null, operations: [],
      marketsCount: { count: 2, precision: "EXACT" }, active: { count: 1, precision: "EXACT" },
      markets: { nodes: [{ name: "Alpha" }, { name: "Zeta" }] },
    }]);
    expect(read.data.apps.nodes).toEqual([]);
    expect(read.data.appCount).toEqual({ count: 0, precision: "EXACT" });
    expect(read.data.missing).toBeNull();
    const one = await twin.gql(`query($id: ID!) { catalog(id: $id) { __typename id title ... on MarketCatalog { marketsCount { count } } } }`, { id });
    expect(one.data.catalog).toEqual({ __typename: "MarketCatalog", id, title: "Both", marketsCount: { count: 2 } });
    const other = (await twin.gql(MARKET_CREATE, { input: { name: "Other" } })).data.marketCreate.market.id;
    const byMarket = await twin.gql(`query($a: ID!, $o: ID!) {
      a: market(id: $a) { catalogs(first: 5) { nodes { id } } catalogsCount { count precision } }
      o: market(id: $o) { catalogs(first: 5) { nodes { id } } catalogsCount { count precision } }
    }`, { a: alpha, o: other });
    expect(byMarket.data).toEqual({
      a: { catalogs: { nodes: [{ id }] }, catalogsCount: { count: 1, precision: "EXACT" } },
      o: { catalogs: { nodes: [] }, catalogsCount: { count: 0, precision: "EXACT" } },
    });
  });
});

describe("price lists (none exist in the twin)", () => {
  it("answers the captured error paths with their typenames (markets-user-error-typename.json)", async () => {
    const c = loadCapture("markets", "markets-user-error-typename").cases[0];
    const res = await twin.gql(c.query, c.variables);
    expect(res.data).toEqual(c.response.payload.data);
  });

  it("fails loudly for a price list it would have to create", async () => {
    const res = await twin.gql(`mutation { priceListCreate(input: { name: "EU", currency: EUR, parent: { adjustment: { type: PERCENTAGE_DECREASE, value: 10 } } }) { priceList { id } } }`);
    expect(res.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });
});

describe("market localizations of metafields", () => {
  const READ = `query($resourceId: ID!, $marketId: ID!) { marketLocalizableResource(resourceId: $resourceId) {
    resourceId marketLocalizableContent { key value digest } marketLocalizations(marketId: $marketId) { key value outdated market { id name } } } }`;
  const REGISTER = `mutation($resourceId: ID!, $marketLocalizations: [MarketLocalizationRegisterInput!]!) {
    marketLocalizationsRegister(resourceId: $resourceId, marketLocalizations: $marketLocalizations) { marketLocalizations { key value outdated market { id name } } userErrors { field message code } } }`;
  const REMOVE = `mutation($resourceId: ID!, $keys: [String!]!, $marketIds: [ID!]!) {
    marketLocalizationsRemove(resourceId: $resourceId, marketLocalizationKeys: $keys, marketIds: $marketIds) { marketLocalizations { key value } userErrors { field message code } } }`;
  const INTERNATIONAL = "gid://shopify/Market/92276785458"; // CAD, the shop's currency
  const money = JSON.stringify({ amount: "5.99", currency_code: "CAD" });

  async function productMetafields() {
    const res = await twin.gql(
      `mutation($product: ProductCreateInput!) { productCreate(product: $product) { product { metafields(first: 5) { nodes { id type } } } userErrors { message } } }`,
      { product: { title: "Market localizable", status: "DRAFT", metafields: [
        { namespace: "custom", key: "price", type: "money", value: money },
        { namespace: "custom", key: "material", type: "single_line_text_field", value: "Maple" },
      ] } },
    );
    const nodes: { id: string; type: string }[] = res.data.productCreate.product.metafields.nodes;
    return { money: nodes.find((n) => n.type === "money")!.id, text: nodes.find((n) => n.type !== "money")!.id };
  }

  it("serves a money metafield's value with a sha256 digest, a text one with no content, and lists only the former", async () => {
    const ids = await productMetafields();
    const read = (await twin.gql(READ, { resourceId: ids.money, marketId: INTERNATIONAL })).data.marketLocalizableResource;
    expect(read).toEqual({
      resourceId: ids.money,
      marketLocalizableContent: [{ key: "value", value: money, digest: "81a95d2ef1d0b2e556a53d267b772008b5c6bff7a01960a54bd14efff7159b2b" }],
      marketLocalizations: [],
    });
    expect((await twin.gql(READ, { resourceId: ids.text, marketId: INTERNATIONAL })).data.marketLocalizableResource.marketLocalizableContent).toEqual([]);
    const list = await twin.gql(`{ marketLocalizableResources(first: 10, resourceType: METAFIELD) { nodes { resourceId } } }`);
    expect(list.data.marketLocalizableResources.nodes).toEqual([{ resourceId: ids.money }]);
  });

  it("registers, reads and removes a market's value; refuses text keys and a value in another currency", async () => {
    const ids = await productMetafields();
    const digest = "81a95d2ef1d0b2e556a53d267b772008b5c6bff7a01960a54bd14efff7159b2b";
    const text = await twin.gql(REGISTER, { resourceId: ids.text, marketLocalizations: [{ key: "value", value: "Erable", marketId: INTERNATIONAL, marketLocalizableContentDigest: digest }] });
    expect(text.data.marketLocalizationsRegister).toEqual({
      marketLocalizations: null,
      userErrors: [{ field: ["marketLocalizations", "0", "key"], message: "Key value is not a valid market localizable field", code: "INVALID_KEY_FOR_MODEL" }],
    });
    const mxn = JSON.stringify({ amount: "7.99", currency_code: "MXN" });
    const wrong = await twin.gql(REGISTER, { resourceId: ids.money, marketLocalizations: [{ key: "value", value: mxn, marketId: INTERNATIONAL, marketLocalizableContentDigest: digest }] });
    expect(wrong.data.marketLocalizationsRegister.userErrors).toEqual([{ field: ["marketLocalizations", "0", "value"], message: "Market Localizable content is invalid", code: "FAILS_RESOURCE_VALIDATION" }]);

    const cad = JSON.stringify({ amount: "6.99", currency_code: "CAD" });
    const ok = await twin.gql(REGISTER, { resourceId: ids.money, marketLocalizations: [{ key: "value", value: cad, marketId: INTERNATIONAL, marketLocalizableContentDigest: digest }] });
    const localization = { key: "value", value: cad, outdated: false, market: { id: INTERNATIONAL, name: "International" } };
    expect(ok.data.marketLocalizationsRegister).toEqual({ marketLocalizations: [localization], userErrors: [] });
    expect((await twin.gql(READ, { resourceId: ids.money, marketId: INTERNATIONAL })).data.marketLocalizableResource.marketLocalizations).toEqual([localization]);
    expect((await twin.gql(READ, { resourceId: ids.money, marketId: "gid://shopify/Market/92276818226" })).data.marketLocalizableResource.marketLocalizations).toEqual([]);

    expect((await twin.gql(REMOVE, { resourceId: ids.money, keys: ["value"], marketIds: ["gid://shopify/Market/999999999999"] })).data.marketLocalizationsRemove).toEqual({ marketLocalizations: null, userErrors: [] });
    expect((await twin.gql(REMOVE, { resourceId: ids.money, keys: [], marketIds: [INTERNATIONAL] })).data.marketLocalizationsRemove).toEqual({ marketLocalizations: null, userErrors: [] });
    expect((await twin.gql(REMOVE, { resourceId: ids.money, keys: ["value"], marketIds: [INTERNATIONAL] })).data.marketLocalizationsRemove).toEqual({ marketLocalizations: [{ key: "value", value: cad }], userErrors: [] });
    expect((await twin.gql(READ, { resourceId: ids.money, marketId: INTERNATIONAL })).data.marketLocalizableResource.marketLocalizations).toEqual([]);
  });
});
