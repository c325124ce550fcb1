import { describe, expect, it } from "vitest";
import { metaobjectUrlRedirects } from "../../../sandbox/shopify/content/metaobjects-store";
import { useTwin } from "../helpers";

// metaobjectUpdate(redirectNewHandle:) after metaobject-update-redirect-new-handle.json: the rename
// succeeds in every case; only an online-store definition with redirectNewHandle: true leaves a
// redirect from the old page path to the new one.

const ERR = "userErrors { field message code }";
const DEFINE = `mutation($definition: MetaobjectDefinitionCreateInput!) { metaobjectDefinitionCreate(definition: $definition) { metaobjectDefinition { id } ${ERR} } }`;
const CREATE = `mutation($metaobject: MetaobjectCreateInput!) { metaobjectCreate(metaobject: $metaobject) { metaobject { id } ${ERR} } }`;
const UPDATE = `mutation($id: ID!, $metaobject: MetaobjectUpdateInput!) { metaobjectUpdate(id: $id, metaobject: $metaobject) { metaobject { handle displayName } ${ERR} } }`;

describe("metaobjectUpdate redirectNewHandle", () => {
  const twin = useTwin();
  const gql = twin.gql;

  async function entry(type: string, onlineStore: boolean) {
    const capabilities = onlineStore
      ? { publishable: { enabled: true }, renderable: { enabled: true, data: { metaTitleKey: "title" } }, onlineStore: { enabled: true, data: { urlHandle: `${type}-pages` } } }
      : undefined;
    const def = await gql(DEFINE, { definition: { type, name: type, displayNameKey: "title", access: onlineStore ? { storefront: "PUBLIC_READ" } : undefined, capabilities,
      fieldDefinitions: [{ key: "title", name: "Title", type: "single_line_text_field", required: true }] } });
    expect(def.data.metaobjectDefinitionCreate.userErrors).toEqual([]);
    const created = await gql(CREATE, { metaobject: { type, handle: "old-name", fields: [{ key: "title", value: "Old" }] } });
    expect(created.data.metaobjectCreate.userErrors).toEqual([]);
    return created.data.metaobjectCreate.metaobject.id as string;
  }

  it("renames and records a redirect only for an online-store definition asked to redirect", async () => {
    const redirected = await entry("redirect_yes", true);
    const plain = await entry("redirect_no", true);
    const offline = await entry("redirect_offline", false);
    for (const [id, redirectNewHandle] of [[redirected, true], [plain, false], [offline, true]] as const) {
      const res = await gql(UPDATE, { id, metaobject: { handle: "new-name", redirectNewHandle, fields: [{ key: "title", value: "New" }] } });
      expect(res.data.metaobjectUpdate).toEqual({ metaobject: { handle: "new-name", displayName: "New" }, userErrors: [] });
    }
    expect(metaobjectUrlRedirects(twin.sandbox.state)).toEqual([
      { shop: twin.sandbox.defaultShop, path: "/pages/redirect_yes-pages/old-name", target: "/pages/redirect_yes-pages/new-name" },
    ]);
  });
});
