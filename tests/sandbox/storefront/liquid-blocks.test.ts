import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { imageTag, imageUrl, translate } from "../../../sandbox/storefront/liquid";
import { formatMoney } from "../../../sandbox/storefront/money";
import { ImageObject } from "../../../sandbox/storefront/objects";
import { graphql, startTestSandbox } from "../helpers";

// GIVEN the storefront preview with the test theme app extension placed on the product page,
// WHEN a shopper opens pages, THEN the block renders with Shopify's objects and filters, and any
// filter, tag or object the twin does not know fails the page loudly, naming it.

const FIXTURE = path.resolve("tests/fixtures/theme-block");
const textOf = (html: string, cls: string) => new RegExp(`class="${cls}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe("Shopify Liquid filters (unit)", () => {
  const image = new ImageObject({ url: "http://twin/cdn/shop/files/shirt.jpg", width: 925, height: 617, alt: "A shirt", position: 1 });

  it("money formats cents with the shop's money formats", () => {
    expect(formatMoney(123456, "€{{amount_with_comma_separator}}")).toBe("€1.234,56");
    expect(formatMoney(123456, "${{amount}} USD")).toBe("$1,234.56 USD");
    expect(formatMoney(480000, "¥{{amount_no_decimals}}")).toBe("¥4,800");
    expect(() => formatMoney(1, "{{amount_in_bitcoin}}")).toThrow(/amount_in_bitcoin/);
  });

  it("image_url keeps the aspect ratio and never upscales; image_tag emits width and height", () => {
    const url = imageUrl(image, ["width", 300]);
    expect(url.toString()).toBe("/cdn/shop/files/shirt.jpg?v=1&width=300");
    expect([url.width, url.height]).toEqual([300, 200]);
    expect(imageUrl(image, ["width", 5000]).width).toBe(925);
    const tag = imageTag(url, ["loading", "lazy"]);
    expect(tag).toMatch(/^<img src="\/cdn\/shop\/files\/shirt\.jpg\?v=1&amp;width=300" alt="A shirt" srcset="[^"]+ 300w" width="300" height="200" loading="lazy">$/);
    expect(() => imageTag(image)).toThrow(/expected the output of image_url/);
    expect(() => imageUrl(image, ["width", 0])).toThrow(/width must be an integer/);
  });

  it("t looks up the visitor's locale, then the default locale file, and interpolates escaped values", () => {
    const ext = { locales: { en: { a: { hi: "Hi {{ name }}", n: { one: "1 photo", other: "{{ count }} photos" } } }, de: { a: { hi: "Hallo {{ name }}" } } }, defaultLocale: "en" };
    expect(translate(ext, "de", "a.hi", { name: "<b>" })).toBe("Hallo &lt;b&gt;");
    expect(translate(ext, "de", "a.n", { count: 3 })).toBe("3 photos");
    expect(translate(ext, "fr", "a.hi", { name: "x" })).toBe("Hi x");
    expect(translate(ext, "en", "a.missing", {})).toBe("translation missing: en.a.missing");
  });
});

describe("app blocks on the storefront preview", () => {
  let sandbox: RunningSandbox;
  let tmp: string;
  let handle: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-blocks-"));
    sandbox = await startTestSandbox({
      storefront: {
        extensionDirs: [FIXTURE],
        placements: { blocks: [{ block: "test-block", templates: ["product"], settings: { heading: "From our shoppers", image_width: 400 } }] },
      },
    });
    const home = await (await fetch(`${sandbox.storefrontUrl}/`)).text();
    handle = /href="\/products\/([^"]+)"/.exec(home)![1]!;
  });
  afterAll(async () => {
    await sandbox?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("renders the block with placement settings, product, money, image dimensions, snippet and translations", async () => {
    const res = await fetch(`${sandbox.storefrontUrl}/products/${handle}`);
    const html = await res.text();

    expect(res.status).toBe(200);
    expect(html).toContain('class="shopify-block shopify-app-block"');
    expect(textOf(html, "test-block__heading")).toBe("From our shoppers");
    expect(textOf(html, "test-block__greeting")).toBe("Photos from Tessera Demo Store shoppers");
    expect(textOf(html, "test-block__price")).toMatch(/^€\d+,\d\d $/);
    expect(html).toMatch(/<small>\(€\d+,\d\d EUR\)<\/small>/);
    for (const img of html.match(/<img [^>]+>/g)!) expect(img).toMatch(/ width="\d+" height="\d+"/);
    expect(html).toMatch(/class="test-block__image"/);
    expect(html).toMatch(/width=400[^"]*" [^>]*width="400"/);
    // The block's own assets, injected once in <head>, deferred; asset_url serves the extension's assets/.
    expect(html).toMatch(/<script src="\/cdn\/shop\/extensions\/theme-block\/assets\/test-block\.js" defer><\/script>/);
    expect(html).toContain('<link rel="stylesheet" href="/cdn/shop/extensions/theme-block/assets/test-block.css"');
    for (const asset of ["test-block.js", "test-block.css", "badge.svg"]) {
      expect((await fetch(`${sandbox.storefrontUrl}/cdn/shop/extensions/theme-block/assets/${asset}`)).status).toBe(200);
    }
    const imageRes = await fetch(`${sandbox.storefrontUrl}${/src="(\/cdn\/shop\/files\/[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&")}`);
    expect(imageRes.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("renders in the visitor's locale folder with the extension's locale file (falling back to the default)", async () => {
    const html = await (await fetch(`${sandbox.storefrontUrl}/de/products/${handle}`)).text();

    expect(html).toContain('<html lang="de">');
    expect(textOf(html, "test-block__greeting")).toBe("Fotos von Kundinnen und Kunden von Tessera Demo Store");
    expect(textOf(html, "test-block__gallery")).toBe("No gallery yet"); // not in de.json → en.default.json
  });

  it("reads the app's metaobjects through the $app prefix once their definition is storefront-readable", async () => {
    const token = sandbox.issueAccessToken();
    const def = await graphql(sandbox, token, `mutation { metaobjectDefinitionCreate(definition: {
      type: "$app:ugc_gallery", name: "UGC gallery", access: { storefront: PUBLIC_READ },
      fieldDefinitions: [{ key: "title", type: "single_line_text_field" }, { key: "items", type: "json" }] }) { metaobjectDefinition { type } userErrors { message } } }`);
    expect(def.json.data.metaobjectDefinitionCreate.userErrors).toEqual([]);
    const created = await graphql(sandbox, token, `mutation { metaobjectCreate(metaobject: { type: "$app:ugc_gallery", handle: "summer",
      fields: [{ key: "title", value: "Summer looks" }, { key: "items", value: "[1,2,3]" }] }) { metaobject { handle } userErrors { message } } }`);
    expect(created.json.data.metaobjectCreate.userErrors).toEqual([]);

    const html = await (await fetch(`${sandbox.storefrontUrl}/products/${handle}`)).text();

    expect(textOf(html, "test-block__gallery")).toBe("Summer looks (3)");
  });

  async function renderBroken(name: string, liquid: string) {
    const dir = path.join(tmp, name);
    fs.mkdirSync(path.join(dir, "blocks"), { recursive: true });
    fs.writeFileSync(path.join(dir, "shopify.extension.toml"), `name = "${name}"\ntype = "theme"\n`);
    fs.writeFileSync(path.join(dir, "blocks", "broken.liquid"), `${liquid}\n{% schema %}{"name":"Broken","target":"section","settings":[]}{% endschema %}`);
    const broken = await startTestSandbox({ seed: true, storefront: { extensionDirs: [dir], placements: { blocks: [{ block: "broken", templates: ["product"] }] } } });
    try {
      const res = await fetch(`${broken.storefrontUrl}/products/${handle}`);
      return { status: res.status, html: await res.text() };
    } finally {
      await broken.close();
    }
  }

  it.each([
    ["unknown filter", "{{ product.title | shout }}", /undefined filter: shout/],
    ["unknown tag", "{% form 'product', product %}{% endform %}", /tag "form" not found/],
    ["unknown object", "{{ wishlist.count }}", /undefined variable: wishlist/],
    ["unmodelled property", "{{ product.rating_stars }}", /undefined variable: product\.rating_stars/],
    ["{% javascript %} in an app block", "{% javascript %}console.log(1){% endjavascript %}", /javascript %\} is not supported in theme app extension blocks: put the file in assets\/ and name it in the schema's "javascript"/],
    ["{% include %}", "{% include 'x' %}", /use \{% render %\}/],
  ])("fails the page loudly on an %s, naming it and the block file", async (_name, liquid, message) => {
    const { status, html } = await renderBroken(`ext-${_name.replace(/\W+/g, "-")}`, liquid);

    expect(status).toBe(500);
    expect(html).toContain("<h1>Liquid error</h1>");
    expect(html).toMatch(/blocks\/broken\.liquid/);
    expect(html.replace(/&quot;/g, '"').replace(/&#39;/g, "'")).toMatch(message);
  });
});
