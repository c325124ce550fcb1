import { coded } from "../admin-graphql/errors";
import { metafieldOwners, type MetafieldRecord } from "../content/metafields-store";
import type { ShopifyState } from "../state";
import { localizableContentType } from "./metaobject-source";
import { registerTranslatableSource } from "./translatable-sources";

// Metafields as translatable resources (TranslatableResourceType METAFIELD): a metafield is
// translated through its own GID with the single key `value` (quirks.md §2 notes), its content
// typed by the LocalizableContentType its metafield type maps to (as for metaobject fields).
// Not captured, so the twin fails loudly instead of guessing: a metafield whose type maps to no
// LocalizableContentType (number_integer…), and listing metafields by type while any translatable
// one exists (which owners and namespaces Shopify lists is unknown).

const notImplemented = (what: string) => coded(`${what} is not implemented in the Tessera sandbox`, "NOT_IMPLEMENTED_IN_SANDBOX");

const metafieldsOfShop = (state: ShopifyState, shop: string): MetafieldRecord[] =>
  [...metafieldOwners(state, shop).values()].flatMap((byKey) => [...byKey.values()]);

export function registerMetafieldTranslatableSource(): void {
  registerTranslatableSource({
    resourceType: "METAFIELD",
    list(state, shop) {
      if (metafieldsOfShop(state, shop).some((m) => localizableContentType(m.type))) {
        throw notImplemented("translatableResources(resourceType: METAFIELD) while translatable metafields exist (not captured)");
      }
      return [];
    },
    find(state, shop, gid) {
      if (!gid.startsWith("gid://shopify/Metafield/")) return undefined;
      const m = metafieldsOfShop(state, shop).find((x) => x.gid === gid);
      if (!m) return undefined;
      const type = localizableContentType(m.type);
      if (!type) throw notImplemented(`translatable content of a ${m.type} metafield (not captured)`);
      return { gid, fields: [{ key: "value", value: m.value, type }] };
    },
  });
}
