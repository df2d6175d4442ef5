import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { makeTestPdf } from '../app/testing/fake-esignanywhere-server';
import { startAppWithFakeSigningServiceForBlock } from './support/app-with-fake-signing-service';

// "Download signed PDFs (ZIP)" on the home page, on the production build: the filtered view's stored files, streamed
// as one ZIP, each as stored (SHA-256), and nothing of the envelopes the filter leaves out.

const run = Date.now().toString(36);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Detail = { documents: { kind: string; fileName: string; sha256: string }[] };

test.describe('the ZIP of the signed documents of a view', () => {
  const HOOK_ID = 'documents-zip-0123456789abcdef';
  const server = startAppWithFakeSigningServiceForBlock({ hookId: HOOK_ID, label: 'documents-zip' });

  /** A completed envelope with two signed PDFs and an audit trail, once the app has stored all three. */
  async function signedEnvelope(tag: string) {
    const envelopeId = `${run}-${tag}`;
    const pdf = (name: string) => makeTestPdf(`${tag} ${name}`);
    const files = {
      contract: await pdf('contract'),
      annex: await pdf('annex'),
      audit: await pdf('audit'),
    };
    server.fake.setEnvelope(envelopeId, {
      status: 'Completed',
      activities: [{ email: 'ana@example.com', givenName: 'Ana', surname: 'Pop', status: 'Completed' }],
      documents: [
        { fileId: `${envelopeId}-contract`, fileName: 'Contract.pdf', bytes: files.contract, pageCount: 1 },
        { fileId: `${envelopeId}-annex`, fileName: 'Annex.pdf', bytes: files.annex, pageCount: 1 },
      ],
      auditTrail: { fileId: `${envelopeId}-audit`, fileName: 'audit.pdf', bytes: files.audit },
    });
    const notify = async (fields: Record<string, string>) => {
      const query = new URLSearchParams({ envelopeId, ...fields });
      const response = await fetch(`${server.app.baseUrl}/api/webhooks/${HOOK_ID}?${query}`);
      expect(response.status, await response.text()).toBe(200);
    };
    await notify({
      action: 'workstepFinished',
      recipientOrder: '1',
      recipientEmail: 'ana@example.com',
      customer: `Customer ${tag} ${run}`,
    });
    await notify({ action: 'envelopeFinished', FTOSIsFinishCallback: '1' });

    let documents: Detail['documents'] = [];
    await expect
      .poll(
        async () => {
          const detail = (await (await fetch(`${server.app.baseUrl}/api/envelopes/${envelopeId}`)).json()) as Detail;
          documents = detail.documents;
          return documents.length;
        },
        { timeout: 60_000, intervals: [500] },
      )
      .toBe(3);
    return { envelopeId, files, documents };
  }

  test("the home page's ZIP link downloads exactly the filtered view's PDFs, as stored", async ({ page }) => {
    test.setTimeout(120_000);
    const alpha = await signedEnvelope('alpha');
    const beta = await signedEnvelope('beta');

    await page.goto(`${server.app.baseUrl}/?q=${encodeURIComponent(`customer alpha ${run}`)}`);
    await expect(page.locator('tbody tr')).toHaveCount(1);
    const link = page.getByRole('link', { name: /Download signed PDFs \(ZIP\)/ });
    await expect(link).toHaveAttribute('href', /^\/api\/exports\/documents\?q=/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^signed-documents-\d{4}-\d{2}-\d{2}\.zip$/);

    const zip = await JSZip.loadAsync(await readFile((await download.path())!), { checkCRC32: true });
    const files = new Map<string, Buffer>();
    for (const entry of Object.values(zip.files)) {
      if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
    }
    expect([...files.keys()].sort()).toEqual(
      [
        `${alpha.envelopeId}/Annex.pdf`,
        `${alpha.envelopeId}/Contract.pdf`,
        `${alpha.envelopeId}/audit-trail.pdf`,
        'manifest.csv',
      ].sort(),
    );
    const bytesOf = (name: string) => files.get(`${alpha.envelopeId}/${name}`)!;
    expect(bytesOf('Contract.pdf')).toEqual(alpha.files.contract);
    expect(bytesOf('Annex.pdf')).toEqual(alpha.files.annex);
    expect(bytesOf('audit-trail.pdf')).toEqual(alpha.files.audit);
    // Each file's SHA-256 as the app stored it, and as the manifest lists it.
    const manifest = files.get('manifest.csv')!.toString('utf8');
    for (const document of alpha.documents) {
      expect(sha256(bytesOf(document.fileName))).toBe(document.sha256);
      expect(manifest).toContain(`"${alpha.envelopeId}/${document.fileName}","${document.sha256}"`);
    }
    expect(manifest).not.toContain(beta.envelopeId);
  });
});
