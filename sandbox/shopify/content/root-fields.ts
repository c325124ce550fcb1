import { fileCreate, fileDelete, files, fileUpdate } from "./files";
import { metafieldsDelete, metafieldsSet } from "./metafields";
import { metaobjectDefinition, metaobjectDefinitionByType, metaobjectDefinitionCreate, metaobjectDefinitions } from "./metaobject-definitions";
import { metaobject, metaobjectByHandle, metaobjectCreate, metaobjectDelete, metaobjects, metaobjectUpsert } from "./metaobjects";
import { stagedUploadsCreate } from "./staged-uploads";

// Root Query/Mutation fields of the content domain, merged into the twin's rootValue (resolvers/index.ts).
// Owners expose metafield reads through metafield-fields.ts (metafieldOwnerFields).
export const contentRootFields: Record<string, unknown> = {
  metafieldsSet,
  metafieldsDelete,
  metaobjectDefinitionCreate,
  metaobjectDefinition,
  metaobjectDefinitionByType,
  metaobjectDefinitions,
  metaobjectUpsert,
  metaobjectCreate,
  metaobject,
  metaobjectByHandle,
  metaobjects,
  metaobjectDelete,
  stagedUploadsCreate,
  fileCreate,
  fileUpdate,
  fileDelete,
  files,
};
