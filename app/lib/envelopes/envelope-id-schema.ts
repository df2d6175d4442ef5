import { z } from 'zod';

/** Envelope ids are the signing service's: a GUID, or whatever a sender put in the callback, within reason. */
export const envelopeIdSchema = z.string().trim().min(1).max(512);
