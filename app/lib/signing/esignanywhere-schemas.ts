import { z } from 'zod';
import type {
  ProviderEnvelopeDetails,
  ProviderFile,
  ProviderRecipient,
  ProviderReminderResult,
} from './signing-provider';

// The parts of eSignAnyWhere's REST API v6 answers the app reads. Everything else is ignored, and
// optional fields are optional: a field the service stops sending must not stop the fetch.

const optionalText = z.string().nullish();
const optionalDate = z
  .string()
  .nullish()
  .transform((value) => {
    if (!value) return null;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  });

const activitySchema = z.object({
  Id: optionalText,
  Status: optionalText,
  OpenedDate: optionalDate,
  FinishedDate: optionalDate,
  StatusReason: optionalText,
  Action: z.unknown().optional(),
});

// A detail the page shows but no decision rests on: a wrong type reads as absent rather than failing the status check.
const lenientText = optionalText.catch(null);
const lenientDate = optionalDate.catch(null);

export const envelopeSchema = z.object({
  Id: optionalText,
  Name: lenientText,
  EnvelopeStatus: z.string().min(1),
  // The reference names it SentDate; Namirial's v6 models also write SendDate. Either is read.
  SentDate: lenientDate,
  SendDate: lenientDate,
  /** Who sent the envelope: contact details as in an activity's Action (Email, GivenName, Surname). */
  Sender: z.unknown().optional(),
  Activities: z.array(activitySchema).nullish(),
});

/** GET /Api/v6/envelope/{id}/configuration: only the expiry is read; everything in it may be missing. */
export const configurationSchema = z.object({
  ExpirationConfiguration: z.object({ ExpirationDate: lenientDate }).nullish().catch(null),
});

const reminderCount = z.number().int().nonnegative().nullish().catch(null);

/** GET /Api/v4/envelope/{id}/remind: how many recipients were reminded, and how many were left out and why. */
export const remindSchema = z.object({
  Count: reminderCount,
  AvoidedDueToRateLimitCount: reminderCount,
  AvoidedDueToDisabledEmailCount: reminderCount,
});

export function toReminderResult(answer: z.infer<typeof remindSchema>): ProviderReminderResult {
  return {
    reminded: answer.Count ?? 0,
    skippedRateLimit: answer.AvoidedDueToRateLimitCount ?? 0,
    skippedDisabledEmail: answer.AvoidedDueToDisabledEmailCount ?? 0,
  };
}

export function toEnvelopeDetails(envelope: z.infer<typeof envelopeSchema>): ProviderEnvelopeDetails {
  const sender = findContactInformation(envelope.Sender);
  return {
    name: envelope.Name?.trim() || null,
    sentAt: envelope.SendDate ?? envelope.SentDate ?? null,
    senderName: sender?.name ?? null,
    senderEmail: sender?.email ?? null,
  };
}

const fileIdSchema = z.union([z.string().min(1), z.number().transform(String)]);

export const filesSchema = z.object({
  Documents: z
    .array(
      z.object({
        FileId: fileIdSchema,
        FileName: optionalText,
        PageCount: z.number().int().nonnegative().nullish(),
        DocumentNumber: z.number().nullish(),
        AuditTrailFileId: fileIdSchema.nullish(),
      }),
    )
    .nullish(),
  AuditTrail: z.object({ FileId: fileIdSchema.nullish(), XmlFileId: fileIdSchema.nullish() }).nullish(),
});

type ContactInformation = { email: string | null; name: string | null };

/**
 * The recipient's contact details sit in the activity's `Action`: directly (Email, GivenName,
 * Surname) or, in the full API models, a few objects down (Sign → RecipientConfiguration →
 * ContactInformation). The first object holding an Email wins.
 */
export function findContactInformation(action: unknown, depth = 0): ContactInformation | null {
  if (!action || typeof action !== 'object' || depth > 4) return null;
  const record = action as Record<string, unknown>;
  if (typeof record.Email === 'string' && record.Email.includes('@')) {
    const parts = [record.GivenName, record.Surname].filter(
      (part): part is string => typeof part === 'string' && part.trim() !== '',
    );
    return { email: record.Email.trim(), name: parts.length > 0 ? parts.join(' ').trim() : null };
  }
  for (const value of Object.values(record)) {
    const found = findContactInformation(value, depth + 1);
    if (found) return found;
  }
  return null;
}

export function toProviderRecipients(activities: z.infer<typeof envelopeSchema>['Activities']): ProviderRecipient[] {
  return (activities ?? []).map((activity, index) => {
    const contact = findContactInformation(activity.Action);
    return {
      order: index + 1,
      email: contact?.email ?? null,
      name: contact?.name ?? null,
      status: activity.Status ?? null,
      openedAt: activity.OpenedDate,
      finishedAt: activity.FinishedDate,
    };
  });
}

/** Every signed document, then the envelope's audit trail and any per-document audit trail, once each. */
export function toProviderFiles(files: z.infer<typeof filesSchema>): ProviderFile[] {
  const result: ProviderFile[] = [];
  const seen = new Set<string>();
  const add = (file: ProviderFile) => {
    if (seen.has(file.providerFileId)) return;
    seen.add(file.providerFileId);
    result.push(file);
  };
  const documents = files.Documents ?? [];
  documents.forEach((document, index) =>
    add({
      providerFileId: document.FileId,
      fileName: pdfFileName(document.FileName, `document-${index + 1}`),
      kind: 'signed',
      pageCount: document.PageCount ?? null,
    }),
  );
  if (files.AuditTrail?.FileId) {
    add({ providerFileId: files.AuditTrail.FileId, fileName: 'audit-trail.pdf', kind: 'auditTrail', pageCount: null });
  }
  for (const document of documents) {
    if (!document.AuditTrailFileId) continue;
    const base = pdfFileName(document.FileName, 'document').replace(/\.pdf$/i, '');
    add({
      providerFileId: document.AuditTrailFileId,
      fileName: `${base}-audit-trail.pdf`,
      kind: 'auditTrail',
      pageCount: null,
    });
  }
  return result;
}

function pdfFileName(name: string | null | undefined, fallback: string): string {
  const trimmed = name?.trim() || fallback;
  return /\.pdf$/i.test(trimmed) ? trimmed : `${trimmed}.pdf`;
}
