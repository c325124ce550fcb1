/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type SetupGuideLocalesQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type SetupGuideLocalesQuery = { shopLocales: Array<Pick<AdminTypes.ShopLocale, 'locale' | 'primary' | 'published'>> };

export type SettingsShopQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type SettingsShopQuery = { shop: (
    Pick<AdminTypes.Shop, 'id' | 'name' | 'email' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone'>
    & { primaryDomain: Pick<AdminTypes.Domain, 'url' | 'host'>, plan: Pick<AdminTypes.ShopPlan, 'publicDisplayName' | 'partnerDevelopment' | 'shopifyPlus'> }
  ), shopLocales: Array<Pick<AdminTypes.ShopLocale, 'locale' | 'name' | 'primary' | 'published'>>, currentAppInstallation: (
    Pick<AdminTypes.AppInstallation, 'id'>
    & { accessScopes: Array<Pick<AdminTypes.AccessScope, 'handle'>> }
  ) };

interface GeneratedQueryTypes {
  "#graphql\n  query SetupGuideLocales {\n    shopLocales { locale primary published }\n  }": {return: SetupGuideLocalesQuery, variables: SetupGuideLocalesQueryVariables},
  "#graphql\n  query SettingsShop {\n    shop {\n      id\n      name\n      email\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n      primaryDomain { url host }\n      plan { publicDisplayName partnerDevelopment shopifyPlus }\n    }\n    shopLocales { locale name primary published }\n    currentAppInstallation { id accessScopes { handle } }\n  }": {return: SettingsShopQuery, variables: SettingsShopQueryVariables},
}

interface GeneratedMutationTypes {
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
