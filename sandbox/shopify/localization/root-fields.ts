// Root Query/Mutation fields of the localization domain, merged into the twin's rootValue (resolvers/index.ts).
export const localizationRootFields: Record<string, unknown> = {};
