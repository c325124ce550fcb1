// Root Query/Mutation fields of the catalog domain, merged into the twin's rootValue (resolvers/index.ts).
export const catalogRootFields: Record<string, unknown> = {};
