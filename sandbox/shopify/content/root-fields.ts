import { fileAcknowledgeUpdateFailed, fileDelete, fileUpdate } from "./file-mutations";
import { fileCreate, files, fileSavedSearches } from "./files";
import { metafieldDefinition, metafieldDefinitionCreate, metafieldDefinitionDelete, metafieldDefinitions, metafieldDefinitionUpdate } from "./metafield-definitions";
import { standardMetafieldDefinitionEnable } from "./metafield-standard";
import { metafieldsDelete, metafieldsSet } from "./metafields";
import { metaobjectDefinitionUpdate } from "./metaobject-definition-update";
import { metaobjectDefinition, metaobjectDefinitionByType, metaobjectDefinitionCreate, metaobjectDefinitionDelete, metaobjectDefinitions } from "./metaobject-definitions";
import { metaobject, metaobjectByHandle, metaobjectBulkDelete, metaobjectCreate, metaobjectDelete, metaobjects, metaobjectUpdate, metaobjectUpsert } from "./metaobjects";
import { standardMetaobjectDefinitionEnable } from "./metaobject-standard";
import { stagedUploadsCreate } from "./staged-uploads";
import "./node-loaders"; // node(id:) for metaobjects and definitions

// Root Query/Mutation fields of the content domain, merged into the twin's rootValue (resolvers/index.ts).
// Owners expose metafield reads through metafield-fields.ts (metafieldOwnerFields).
export const contentRootFields: Record<string, unknown> = {
  metafieldsSet,
  metafieldsDelete,
  metafieldDefinitionCreate,
  metafieldDefinitionUpdate,
  metafieldDefinitionDelete,
  metafieldDefinition,
  metafieldDefinitions,
  standardMetafieldDefinitionEnable,
  metaobjectDefinitionCreate,
  metaobjectDefinitionDelete,
  metaobjectDefinitionUpdate,
  standardMetaobjectDefinitionEnable,
  metaobjectDefinition,
  metaobjectDefinitionByType,
  metaobjectDefinitions,
  metaobjectUpsert,
  metaobjectCreate,
  metaobjectUpdate,
  metaobject,
  metaobjectByHandle,
  metaobjects,
  metaobjectDelete,
  metaobjectBulkDelete,
  stagedUploadsCreate,
  fileCreate,
  fileUpdate,
  fileDelete,
  fileAcknowledgeUpdateFailed,
  files,
  fileSavedSearches,
};
