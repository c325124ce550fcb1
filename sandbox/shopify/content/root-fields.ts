// Root Query/Mutation fields of the content domain, merged into the twin's rootValue (resolvers/index.ts).
export const contentRootFields: Record<string, unknown> = {};
