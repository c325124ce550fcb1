import { isEnumType } from "graphql";
import { coded } from "../admin-graphql/errors";
import { loadAdminSchema } from "../admin-graphql/schema";
import { definitionByType, metaobjectStore, type MetaobjectDefinitionRecord, type MetaobjectRecord } from "../content/metaobjects-store";
import type { ShopifyState } from "../state";
import { registerTranslatableSource, type TranslatableField } from "./translatable-sources";

// Metaobject entries as translatable resources (TranslatableResourceType METAOBJECT).
// Captured (metaobjects/metaobjectDefinitionUpdate-capability-invariants.json): an entry of a
// definition with the `translatable` capability lists one content entry per field whose type is
// translatable, keyed by the field key, in definition order: `title` (single_line_text_field) as
// SINGLE_LINE_TEXT_FIELD, while `count` (number_integer) is absent; translationsRegister then takes
// a translation of `title`. A field type is translatable when the schema's LocalizableContentType
// enum names it (`list.url` -> LIST_URL); fields without a value are not listed, as for products.
// Entries of a definition without the capability: what Shopify answers is not captured, so the
// twin fails loudly rather than guess (null, RESOURCE_NOT_FOUND or content).

let localizableTypes: Set<string> | undefined;

/** LocalizableContentType of a metaobject field type, or undefined when the type is not translatable. */
export function localizableContentType(fieldType: string): string | undefined {
  if (!localizableTypes) {
    const type = loadAdminSchema().schema.getType("LocalizableContentType");
    localizableTypes = new Set(isEnumType(type) ? type.getValues().map((v) => v.name) : []);
  }
  const name = fieldType.toUpperCase().replace(/\./g, "_");
  return localizableTypes.has(name) ? name : undefined;
}

export function metaobjectTranslatableFields(def: MetaobjectDefinitionRecord, o: MetaobjectRecord): TranslatableField[] {
  return def.fieldDefinitions.flatMap((fd) => {
    const type = localizableContentType(fd.type);
    const value = o.fields.get(fd.key)?.value;
    return type && value != null ? [{ key: fd.key, value, type }] : [];
  });
}

const METAOBJECT_GID = /^gid:\/\/shopify\/Metaobject\/(\d+)$/;

function resourceOf(state: ShopifyState, o: MetaobjectRecord) {
  const def = definitionByType(state, o.shop, o.type);
  if (!def) return undefined;
  if (!def.capabilities.translatable) {
    throw coded(
      `translatable content of a metaobject whose definition has the translatable capability disabled (${o.type}) is not implemented in the Tessera sandbox`,
      "NOT_IMPLEMENTED_IN_SANDBOX",
    );
  }
  return { gid: `gid://shopify/Metaobject/${o.id}`, fields: metaobjectTranslatableFields(def, o) };
}

export function registerMetaobjectTranslatableSource(): void {
  registerTranslatableSource({
    resourceType: "METAOBJECT",
    *list(state, shop) {
      const objects = [...metaobjectStore(state).objects.values()].filter((o) => o.shop === shop);
      for (const o of objects) {
        const resource = resourceOf(state, o);
        if (resource) yield resource;
      }
    },
    find(state, shop, gid) {
      const id = METAOBJECT_GID.exec(gid)?.[1];
      const o = id === undefined ? undefined : metaobjectStore(state).objects.get(Number(id));
      return o && o.shop === shop ? resourceOf(state, o) : undefined;
    },
  });
}
