import { describe, expect, it } from 'vitest';
import { envelopeSchema, filesSchema, toProviderFiles, toProviderRecipients } from './esignanywhere-schemas';

describe("reading eSignAnyWhere's API v6 answers", () => {
  it('finds recipients in activities, with contact details flat or nested as in the full API models', () => {
    const envelope = envelopeSchema.parse({
      Id: 'e1',
      EnvelopeStatus: 'Completed',
      Unexpected: { ignored: true },
      Activities: [
        {
          Status: 'Completed',
          FinishedDate: '2026-06-01T12:00:00Z',
          Action: { Email: 'ana@example.com', GivenName: 'Ana', Surname: 'Popescu' },
        },
        {
          Status: 'Pending',
          OpenedDate: 'not a date',
          Action: {
            Sign: { RecipientConfiguration: { ContactInformation: { Email: 'bo@example.com', GivenName: 'Bo' } } },
          },
        },
        { Status: 'Pending', Action: null },
      ],
    });
    expect(toProviderRecipients(envelope.Activities)).toEqual([
      {
        order: 1,
        email: 'ana@example.com',
        name: 'Ana Popescu',
        status: 'Completed',
        openedAt: null,
        finishedAt: new Date('2026-06-01T12:00:00Z'),
      },
      { order: 2, email: 'bo@example.com', name: 'Bo', status: 'Pending', openedAt: null, finishedAt: null },
      { order: 3, email: null, name: null, status: 'Pending', openedAt: null, finishedAt: null },
    ]);
  });

  it('lists every signed document, then the audit trail, each file once', () => {
    const files = filesSchema.parse({
      Documents: [
        { FileId: 'd1', FileName: 'Contract.pdf', PageCount: 3, DocumentNumber: 1, AuditTrailFileId: 'a1' },
        { FileId: 'd2', FileName: 'Annex', DocumentNumber: 2, AuditTrailFileId: 'a1' },
      ],
      AuditTrail: { FileId: 'a1', XmlFileId: 'x1' },
      LegalDocuments: [],
    });
    expect(toProviderFiles(files)).toEqual([
      { providerFileId: 'd1', fileName: 'Contract.pdf', kind: 'signed', pageCount: 3 },
      { providerFileId: 'd2', fileName: 'Annex.pdf', kind: 'signed', pageCount: null },
      { providerFileId: 'a1', fileName: 'audit-trail.pdf', kind: 'auditTrail', pageCount: null },
    ]);
  });

  it('refuses an answer without a status', () => {
    expect(envelopeSchema.safeParse({ Id: 'e1' }).success).toBe(false);
  });
});
