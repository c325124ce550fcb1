import type { AdminContext } from "../context";

// QueryRoot.shopLocales(published: Boolean = false)
export function shopLocales(args: { published?: boolean | null }, { shop }: AdminContext) {
  return shop.locales
    .filter((l) => !args.published || l.published)
    .map((l) => ({ __typename: "ShopLocale", locale: l.locale, name: l.name, primary: l.primary, published: l.published }));
}
