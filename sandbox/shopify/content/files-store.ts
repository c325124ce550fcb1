import { domainState, registerNode, unregisterNode, type ShopifyState } from "../state";

// Staged uploads (bytes the app PUT/POSTed to a staged target) and the shop's Files.

export interface StagedUpload {
  key: string; shop: string; filename: string; mimeType: string; resource: string; bytes: Buffer | null;
  /** VIDEO / MODEL_3D targets: the external_video_id / external_model3d_id number in their URLs. */
  externalId?: number;
}

export interface FileRecord {
  id: number;
  shop: string;
  typename: "MediaImage" | "GenericFile" | "ExternalVideo" | "Video";
  alt: string;
  filename: string;
  originalSource: string;
  createdAt: string;
  updatedAt: string;
  readyAt: number; // ms epoch when simulated processing ends
  /** A source fileUpdate replaced, processed by readyAt; `failure` until fileAcknowledgeUpdateFailed. */
  replacement?: { source: string; readyAt: number; failure?: { code: string; message: string; details: string | null } };
  // Filled when processing ends:
  outcome: null | { status: "READY"; mimeType: string; size: number; width?: number; height?: number; bytes: Buffer; servedType?: string } | { status: "FAILED"; code: string; message: string; details: string | null };
}

interface Store { uploads: Map<string, StagedUpload>; files: Map<number, FileRecord> }

export const filesStore = (state: ShopifyState) => domainState(state, "files", (): Store => ({ uploads: new Map(), files: new Map() }));

export function saveFile(state: ShopifyState, f: FileRecord): void {
  filesStore(state).files.set(f.id, f);
  registerNode(state, f.shop, { gid: `gid://shopify/${f.typename}/${f.id}`, typename: f.typename });
}

export function removeFile(state: ShopifyState, f: FileRecord): void {
  filesStore(state).files.delete(f.id);
  unregisterNode(state, f.shop, `gid://shopify/${f.typename}/${f.id}`);
}
