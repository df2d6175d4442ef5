import type { Job } from './apply-notifications';
import type { StoredBatch } from './envelope-writer';

// What the server's thread and the envelope writer's worker thread send each other (structured clones).

export type WriterRequest = { id: number; jobs: Job[] };

export type WriterFailure = { message: string; stack: string | null; retryable: boolean };

export type WriterReply = { id: number; stored: StoredBatch } | { id: number; failure: WriterFailure };
