import { NextRequest } from 'next/server';
import { describe, expect, inject, it } from 'vitest';
import { exportEnvelopesCsv } from '@/app/lib/envelopes/export-envelopes-csv';
import { createTestHook, sendWebhook, uniqueEnvelopeId } from '@/app/lib/testing/webhook-test-helpers';
import { GET } from './route';

const provider = inject('databaseProvider');

/** RFC 4180, enough for these tests: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += character;
  }
  expect(cell, 'the file ends with a line break').toBe('');
  return rows;
}

async function seed(values: Record<string, string>[]) {
  const hook = await createTestHook();
  const ids: string[] = [];
  for (const [index, custom] of values.entries()) {
    const id = uniqueEnvelopeId();
    ids.push(id);
    const recipient = { recipientOrder: '1', recipientEmail: `person${index}@example.com` };
    await sendWebhook(hook.id, { query: { envelopeId: id, action: 'workstepFinished', ...recipient, ...custom } });
  }
  return { hook, ids };
}

async function download(query: string) {
  const response = await GET(new NextRequest(`http://localhost/api/exports/envelopes?${query}`));
  const bytes = new Uint8Array(await response.arrayBuffer());
  // ignoreBOM keeps the byte order mark in the text, where the tests cut it off themselves.
  return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

const byHeader = (rows: string[][]) =>
  rows.slice(1).map((row) => Object.fromEntries(rows[0]!.map((h, i) => [h, row[i]])));

describe(`GET /api/exports/envelopes on ${provider}`, () => {
  it('downloads the filtered view as CSV, escaped and safe to open in a spreadsheet', async () => {
    const { hook, ids } = await seed([
      { contract: 'K-1', customer: 'Popescu, Ana', note: 'said "yes"\nthen left' },
      { contract: 'K-2', customer: '=HYPERLINK("http://evil.example")', amount: '-300' },
      { contract: 'K-3', customer: 'Ionescu' },
    ]);
    const { response, bytes, text } = await download(`hook=${hook.id}&q=k-&limit=1&cursor=ignored`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="envelopes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    // UTF-8 with a byte order mark, for Excel.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'Envelope id',
      'Status',
      'Action required',
      'Signed',
      'Recipients',
      'Recipient e-mails',
      'Last action',
      'Last activity (UTC)',
      'First seen (UTC)',
      'Finished (UTC)',
      'Documents',
      'Hook',
      'contract',
      'customer',
      'amount',
      'note',
      'Other custom values',
    ]);
    const records = byHeader(rows);
    // The whole view, newest first, not only a page of it.
    expect(records.map((record) => record['Envelope id'])).toEqual([...ids].reverse());
    expect(records[2]).toMatchObject({
      Status: 'Partially signed',
      'Action required': 'no',
      Signed: '1',
      Recipients: '1',
      'Recipient e-mails': 'person0@example.com',
      'Last action': 'Signed',
      Documents: 'None',
      Hook: hook.id,
      contract: 'K-1',
      customer: 'Popescu, Ana',
      note: 'said "yes"\nthen left',
      amount: '',
    });
    expect(records[2]!['Last activity (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(records[1]).toMatchObject({ customer: `'=HYPERLINK("http://evil.example")`, amount: "'-300" });
  });

  it('applies status, search and date filters, and answers only the header for an empty view', async () => {
    // Letters outside hex, so the search term can never occur inside a random envelope id.
    const { hook, ids } = await seed([{ contract: 'Q-1' }, { contract: 'Z-2' }]);
    await sendWebhook(hook.id, {
      query: { envelopeId: ids[0]!, action: 'envelopeFinished', FTOSIsFinishCallback: '1' },
    });

    const completed = byHeader(parseCsv((await download(`hook=${hook.id}&status=completed`)).text.slice(1)));
    expect(completed.map((record) => [record['Envelope id'], record.Status])).toEqual([[ids[0], 'Completed']]);

    const searched = byHeader(parseCsv((await download(`hook=${hook.id}&q=z-2`)).text.slice(1)));
    expect(searched.map((record) => record['Envelope id'])).toEqual([ids[1]]);

    const old = parseCsv((await download(`hook=${hook.id}&to=2001-01-01`)).text.slice(1));
    expect(old).toHaveLength(1);
    expect(old[0]).toContain('Envelope id');
  });

  it('refuses filters it cannot apply, with the error shape', async () => {
    const { response, text } = await download('status=done');
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error).toMatchObject({ code: 'invalid_query', message: expect.stringContaining('status') });
    const reversed = await download('from=2025-02-01&to=2025-01-01');
    expect(reversed.response.status).toBe(400);
    expect(JSON.parse(reversed.text).error.message).toMatch(/from: must not be after to/);
  });
});

describe(`exportEnvelopesCsv on ${provider}`, () => {
  it('reads in batches, puts keys seen only later in one column, and keeps envelopes that moved during the export', async () => {
    const { hook, ids } = await seed([
      { late: 'x' },
      {},
      { contract: 'C-3' },
      { contract: 'C-4' },
      { contract: 'C-5' },
    ]);
    const rows = exportEnvelopesCsv({ filters: { hook: hook.id }, batchSize: 2 });
    const chunks: string[] = [];
    for await (const chunk of rows) {
      chunks.push(chunk);
      // After the first batch (header + 2 rows), the oldest envelope gets news and moves to the top.
      if (chunks.length === 2) {
        await sendWebhook(hook.id, { query: { envelopeId: ids[0]!, action: 'workstepRejected', recipientOrder: '1' } });
      }
    }
    const records = byHeader(parseCsv(chunks.join('').slice(1)));
    expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(['contract', 'Other custom values']));
    expect(Object.keys(records[0]!)).not.toContain('late');
    expect(records.map((record) => record['Envelope id'])).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
    expect(records[4]).toMatchObject({ Status: 'Rejected', 'Other custom values': 'late=x', contract: '' });
  });
});
