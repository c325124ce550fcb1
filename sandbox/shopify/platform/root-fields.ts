// Root Query/Mutation fields of the platform domain, merged into the twin's rootValue (resolvers/index.ts).
export const platformRootFields: Record<string, unknown> = {};
