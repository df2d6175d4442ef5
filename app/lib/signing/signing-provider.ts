/**
 * What the app needs from a signing service, whichever one is configured: the envelope's real
 * status (to confirm callbacks) and its finished files. Adapters translate their API into this.
 */
export interface SigningProvider {
  readonly name: 'esignanywhere' | 'sandbox' | 'http';
  /** False when the service has no status to ask for (the plain http document source). */
  readonly confirmsStatus: boolean;
  getEnvelope(envelopeId: string): Promise<ProviderEnvelope>;
  listFiles(envelopeId: string): Promise<ProviderFile[]>;
  /** The file's bytes, checked to be a PDF within the size cap. */
  downloadFile(envelopeId: string, file: ProviderFile): Promise<Buffer>;
  /**
   * When the envelope expires, from its configuration (null: it does not expire, or the service did not say).
   * Absent where the service has no such setting to read.
   */
  getExpiration?(envelopeId: string): Promise<Date | null>;
  /**
   * Asks the service to remind the recipients it is waiting on. Absent where the service cannot send reminders.
   */
  remind?(envelopeId: string): Promise<ProviderReminderResult>;
}

/** eSignAnyWhere's envelope status words; other services map theirs onto these. */
export type ProviderEnvelopeStatus = 'Active' | 'Completed' | 'Canceled' | 'Expired' | 'Rejected' | (string & {});

export type ProviderEnvelope = {
  status: ProviderEnvelopeStatus;
  recipients: ProviderRecipient[];
  /** Name, sent date and sender, when the service describes them (each null when it leaves it out). */
  details?: ProviderEnvelopeDetails;
};

export type ProviderEnvelopeDetails = {
  /** The envelope's subject as the sender typed it. */
  name: string | null;
  sentAt: Date | null;
  senderName: string | null;
  senderEmail: string | null;
};

/** What the service did with a reminder request: recipients reminded, and those it left out and why. */
export type ProviderReminderResult = {
  reminded: number;
  skippedRateLimit: number;
  skippedDisabledEmail: number;
};

export type ProviderRecipient = {
  /** 1-based position among the envelope's activities, as `recipientOrder` in the callbacks. */
  order: number;
  email: string | null;
  name: string | null;
  /** Pending, Completed, Rejected or Delegated. */
  status: string | null;
  openedAt: Date | null;
  finishedAt: Date | null;
};

export type ProviderFile = {
  providerFileId: string;
  fileName: string;
  kind: 'signed' | 'auditTrail';
  pageCount: number | null;
};

export type ProviderErrorCode =
  | 'unauthorized'
  | 'not_found'
  | 'server_error'
  | 'unexpected_status'
  | 'invalid_response'
  | 'not_pdf'
  | 'no_files'
  | 'unsupported'
  | 'invalid_url'
  | 'insecure_url'
  | 'blocked_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'network';

/** A failure talking to the signing service, with a message an operator can act on. */
export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    /** Whether trying again later may succeed without anyone changing anything. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

const PDF_MAGIC = Buffer.from('%PDF-');

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
}

export function describeProviderError(error: unknown): string {
  if (error instanceof ProviderError) return error.message;
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
