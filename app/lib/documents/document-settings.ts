import path from 'node:path';
import { getEnvironment, type Environment } from '@/app/lib/env';

export type DocumentStorage = 'filesystem' | 'database';

export type DocumentSettings = {
  /** Where newly fetched files go; each stored file remembers its own place. */
  storage: DocumentStorage;
  /** Absolute folder of the filesystem store. */
  storageDir: string;
};

export function getDocumentSettings(environment: Environment = getEnvironment()): DocumentSettings {
  return { storage: environment.DOCUMENT_STORAGE, storageDir: path.resolve(environment.DOCUMENT_STORAGE_DIR) };
}
