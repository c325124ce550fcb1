import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ShopLocaleRecord } from "../../../sandbox/shopify/state";
import {
  CAPTURE_SHOP, DE_PUBLISHED, EN, ES, FR, captureShop, installTestSource, loadCapture, productFields, requestDocument, scrub, startTwin, step,
  type TestResources, type TwinClient,
} from "./fixtures";

// Replays recorded Shopify exchanges (captures/harry-test-heelo…/2026-04/localization) against a
// twin of the capture shop: same locales, same market ids, and products/packing slip with the
// captured ids and source values — so captured variables (digests included) are sent unchanged,
// and the twin's `data` must equal Shopify's except timestamps and ids the twin mints itself.

let products: TestResources;
let packingSlips: TestResources;
let twin: TwinClient | undefined;
beforeAll(() => {
  products = installTestSource("PRODUCT");
  packingSlips = installTestSource("PACKING_SLIP_TEMPLATE");
});
afterAll(() => {
  products.restore();
  packingSlips.restore();
});
afterEach(async () => {
  await twin?.sandbox.close();
  twin = undefined;
});

async function twinWith(locales: ShopLocaleRecord[]) {
  twin = await startTwin(captureShop(locales));
  return twin;
}

/** Value at a capture path like "$.a.b[3]". */
function at(capture: unknown, path: string): any {
  return path.replace(/^\$\.?/, "").split(/\.|\[(\d+)\]/).filter(Boolean).reduce((o: any, k) => o?.[k], capture);
}

/** Sends the step's captured variables with `doc`; the twin's data must match the captured data. */
async function replay(capture: unknown, path: string, doc: string, opts: { only?: string[]; variables?: (v: any) => any } = {}) {
  const { variables, data } = step(at(capture, path));
  const res = await twin!.gql(doc, opts.variables ? opts.variables(structuredClone(variables)) : variables);
  expect(res.errors, path).toBeUndefined();
  const pick = (d: any) => (opts.only ? Object.fromEntries(opts.only.map((k) => [k, d[k]])) : d);
  expect(scrub(pick(res.data)), path).toEqual(scrub(pick(data)));
}

const loc = (name: string) => requestDocument("localization", name);
const REGISTER = loc("localization-translations-register");
const READ_FR = loc("localization-translations-read");

function putProduct(gid: string, p: Parameters<typeof productFields>[0]) {
  products.put(CAPTURE_SHOP, gid, productFields(p));
}

describe("replay: shop locales", () => {
  it("localization-shop-locale-primary-guards.json", async () => {
    const c = loadCapture("localization", "localization-shop-locale-primary-guards");
    await twinWith([EN, ES, FR]);
    await replay(c, "$.primaryGuards.enablePrimary", loc("localization-shop-locale-enable-user-errors"));
    for (const p of ["updatePrimaryUnpublish", "updatePrimaryPublish", "updateMissingLocale", "updateMissingLocaleWithWebPresence"]) {
      await replay(c, `$.primaryGuards.${p}`, loc("localization-shop-locale-update-user-errors"));
    }
    await replay(c, "$.primaryGuards.disablePrimary", loc("localization-shop-locale-disable-user-errors"));
  });

  it("localization-shop-locale-enable-validation.json (invalid, duplicate, 20-language limit, update of a locale not enabled)", async () => {
    const c = loadCapture("localization", "localization-shop-locale-enable-validation");
    const t = await twinWith([DE_PUBLISHED, EN]);
    expect(scrub(step(c.initialShopLocales).data.shopLocales.map(({ marketWebPresences: _, ...l }: any) => l)))
      .toEqual((await t.gql("{ shopLocales { locale name primary published } }")).data.shopLocales);
    expect((await t.gql("{ availableLocales { isoCode name } }")).data).toEqual(step(c.availableLocales).data);

    const enable = loc("localization-shop-locale-enable-user-errors");
    expect((await t.gql(loc("localization-shop-locale-disable"), { locale: "de" })).data).toEqual(step(c.cleanup.preCaptureDisable[0]).data);
    await replay(c, "$.unsupportedLocale", enable);
    await replay(c, "$.duplicateLocale.firstEnable", enable);
    await replay(c, "$.duplicateLocale.duplicateEnable", enable);
    for (let i = 0; i < c.maximumLocales.setup.length; i++) await replay(c, `$.maximumLocales.setup[${i}]`, enable);
    await replay(c, "$.maximumLocales.limitReached", enable);
    await replay(c, "$.partialUpdate", loc("localization-shop-locale-update-market-web-presences"));
    // …and the "tr" update enabled nothing: the capture's cleanup could not disable it.
    expect((await t.gql(loc("localization-shop-locale-disable"), { locale: "tr" })).data).toEqual(step(c.cleanup.disableCapturedLocales[0]).data);
  });

  it("localization-payload-shapes.json (enable onto a web presence, shopLocales read, primary disable)", async () => {
    const c = loadCapture("localization", "localization-payload-shapes");
    const t = await twinWith([DE_PUBLISHED, EN]);
    const rootId = (await t.gql("{ webPresences(first: 1) { nodes { id } } }")).data.webPresences.nodes[0].id;
    const toTwin = (v: any) => ({ ...v, marketWebPresenceIds: v.marketWebPresenceIds.map(() => rootId) });
    await replay(c, "$.enable", loc("localization-payload-shapes-shop-locale-enable"), { variables: toTwin });
    await replay(c, "$.readAfterEnable", loc("localization-payload-shapes-shop-locales-read"));
    await replay(c, "$.disablePrimary", loc("localization-shop-locale-disable"));
  });
});

describe("replay: translations", () => {
  it("localization-translations-validation-order.json (market before locale, primary and non-enabled locales)", async () => {
    const c = loadCapture("localization", "localization-translations-validation-order");
    putProduct("gid://shopify/Product/10230917923122", { title: "Translation validation order 1783109461664", handle: "translation-validation-order-1783109461664" });
    await twinWith([EN, ES, FR]);
    for (const p of ["blankNonEnabledLocale", "blankPrimaryLocale", "missingMarketNonEnabledLocale", "missingMarketPrimaryLocale"]) await replay(c, `$.${p}`, REGISTER);
  });

  it("localization-translations-error-codes.json (empty call, blank value, 101 keys, empty locales)", async () => {
    const c = loadCapture("localization", "localization-translations-error-codes");
    putProduct("gid://shopify/Product/10177127055666", { title: "HAR-710 translation errors 1777978294598", handle: "har-710-translation-errors-1777978294598" });
    await twinWith([DE_PUBLISHED, EN, FR]);
    await replay(c, "$.setupRead", loc("localization-translations-error-codes-read"));
    for (const p of ["emptyRegister", "blankValue", "tooManyKeys"]) await replay(c, `$.${p}`, REGISTER);
    await replay(c, "$.removeEmptyLocales", loc("localization-translations-remove"));
  });

  it("localization-translations-invalid-key.json (valid key written, invalid key reported)", async () => {
    const c = loadCapture("localization", "localization-translations-invalid-key");
    putProduct("gid://shopify/Product/10220227756338", { title: "Invalid key validation 1782248586686", handle: "invalid-key-validation-1782248586686" });
    await twinWith([EN, ES, FR]);
    await replay(c, "$.invalidKeyRegister", REGISTER);
    await replay(c, "$.downstreamRead", READ_FR);
  });

  it("localization-translations-digest-mismatch.json (wrong digest, then stale after a title change)", async () => {
    const c = loadCapture("localization", "localization-translations-digest-mismatch");
    const gid = "gid://shopify/Product/10236850307378";
    putProduct(gid, { title: "Digest validation 1783789160655", handle: "digest-validation-1783789160655" });
    await twinWith([EN, ES, FR]);
    await replay(c, "$.correctDigestRegister", REGISTER);
    await replay(c, "$.wrongDigestRegister", REGISTER);
    products.setValue(CAPTURE_SHOP, gid, "title", step(c.setup.productUpdate).variables.product.title);
    await replay(c, "$.staleDigestRegister", REGISTER);
  });

  it("localization-handle-translation-validation.json (handle normalisation and length)", async () => {
    const c = loadCapture("localization", "localization-handle-translation-validation");
    putProduct("gid://shopify/Product/10179743187250", { title: "Localization handle translation 1778153518123", handle: "localization-handle-translation-1778153518123" });
    await twinWith([EN, FR]);
    await replay(c, "$.tooLongHandle", REGISTER);
    await replay(c, "$.readAfterTooLongHandle", READ_FR);
    for (const p of ["Spaces", "Uppercase", "LeadingDash", "TrailingDash", "DoubleDash", "PunctuationOnly", "Slash"]) await replay(c, `$.normalizedHandle${p}`, REGISTER);
    await replay(c, "$.validHandle", REGISTER);
    await replay(c, "$.readAfterValidHandle", READ_FR);
  });

  it("localization-translations-mutation-noop-validation.json (removes that match nothing, disabled and primary locales)", async () => {
    const c = loadCapture("localization", "localization-translations-mutation-noop-validation");
    putProduct("gid://shopify/Product/10230595911986", {
      title: "Translation noop validation 1783063317561", handle: "translation-noop-validation-1783063317561", bodyHtml: "<p>Translation noop validation body 1783063317561</p>",
    });
    await twinWith([EN, ES]);
    const remove = loc("localization-translations-remove");
    const enable = loc("localization-shop-locale-enable");
    await replay(c, "$.unknownKeyRemove", remove);
    await replay(c, "$.emptyKeysRemove.localeEnable", enable);
    await replay(c, "$.emptyKeysRemove.register", REGISTER);
    await replay(c, "$.emptyKeysRemove.remove", remove);
    await replay(c, "$.emptyKeysRemove.readAfter", READ_FR);
    await replay(c, "$.disabledLocaleRemove.localeEnable", enable);
    await replay(c, "$.disabledLocaleRemove.register", REGISTER);
    await replay(c, "$.disabledLocaleRemove.localeDisable", loc("localization-shop-locale-disable"));
    await replay(c, "$.disabledLocaleRemove.remove", remove);
    await replay(c, "$.disabledLocaleRemove.registerAfterDisable", REGISTER);
    await replay(c, "$.primaryLocaleRegister", REGISTER);
  });
});

describe("replay: market-scoped translations", () => {
  it("localization-translations-market-scoped.json (unknown market, non-customizable key, register/read/remove)", async () => {
    const c = loadCapture("localization", "localization-translations-market-scoped");
    const m = c.marketScopedTranslationLifecycle;
    putProduct(m.resourceId, { title: "Market translation fixture 6ev4d7xy", handle: "market-translation-fixture-6ev4d7xy" });
    const slip = m.readBeforeRegister.data.byIds.nodes[0].translatableContent[0];
    packingSlips.put(CAPTURE_SHOP, m.packingSlipResourceId, [{ key: "body", value: slip.value, type: "HTML", marketCustomizable: false }]);
    const t = await twinWith([EN, ES]);
    const read = loc("localization-translations-market-scoped-read");
    const remove = loc("localization-translations-market-scoped-remove");
    const check = async (request: any, response: any, doc: string, only?: string[]) => {
      const res = await t.gql(doc, request.variables);
      const pick = (d: any) => (only ? Object.fromEntries(only.map((k) => [k, d[k]])) : d);
      expect(scrub(pick(res.data))).toEqual(scrub(pick(response.data)));
    };
    const reads = ["translatableResource", "byIds", "markets"]; // allShopLocales lists the capture shop's extra web presences
    await check(m.readRequest, m.readBeforeRegister, read, reads);
    await check(m.unknownMarketRegisterRequest, m.unknownMarketRegister, REGISTER);
    await check(m.unknownMarketRemoveRequest, m.unknownMarketRemove, remove);
    await check(m.nonCustomizableRegisterRequest, m.nonCustomizableRegister, REGISTER);
    await check(m.registerRequest, m.register, REGISTER);
    await check(m.readRequest, m.readAfterRegister, read, reads);
    await check(m.removeRequest, m.remove, remove);
    await check(m.readRequest, m.readAfterRemove, read, reads);
  });

  it("localization-translations-value-matches-original.json (market override equal to the shop-level translation)", async () => {
    const c = loadCapture("localization", "localization-translations-value-matches-original");
    putProduct("gid://shopify/Product/10222968013106", { title: c.sourceTitle, handle: "value-matches-original-yg6b15jw" });
    await twinWith([EN, ES]);
    const read = loc("localization-translations-market-scoped-read");
    const reads = ["translatableResource", "byIds", "markets"];
    await replay(c, "$.setup.localeSetup", loc("localization-shop-locale-enable"));
    await replay(c, "$.readBeforeRegister", read, { only: reads });
    await replay(c, "$.marketOriginalWithoutBaseRegister", REGISTER);
    await replay(c, "$.removeMarketOriginal", loc("localization-translations-market-scoped-remove"));
    await replay(c, "$.shopLevelOriginalRegister", REGISTER);
    await replay(c, "$.valueMatchesBaseTranslationRegister", REGISTER);
    await replay(c, "$.valueMatchesBaseTranslationInvalidDigestRegister", REGISTER);
    await replay(c, "$.readAfterReject", read, { only: reads });
    await replay(c, "$.differingValueRegister", REGISTER);
    await replay(c, "$.readAfterDifferingValue", read, { only: reads });
  });
});
