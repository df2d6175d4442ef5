import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { NextRequest } from 'next/server';
import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { openReadSnapshots } from '@/app/lib/db/read-snapshot';
import { setWaitingOn } from '@/app/testing/set-waiting-on';
import { exportEnvelopesCsv } from '@/app/lib/envelopes/export-envelopes-csv';
import { listEnvelopesQuerySchema } from '@/app/lib/envelopes/envelope-schemas';
import { listEnvelopes } from '@/app/lib/envelopes/list-envelopes';
import { seedEnvelopes } from '@/app/testing/seed-envelopes';
import { sendWebhook } from '@/app/testing/webhook-test-helpers';
import { GET, POST } from './route';

const provider = inject('databaseProvider');

/** The export read back by a real CSV parser, strictly: rows as long as the header, quotes as RFC 4180 has them. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n'), 'the file ends with a line break').toBe(true);
  return parse(text, { delimiter: ',', record_delimiter: '\r\n' });
}

/**
 * The export as a spreadsheet set to another list separator reads it (";" in German, French, Italian and Romanian
 * Excel), at worst: quotes ignored, so every separator and line break starts a new cell.
 */
function parseCsvSplittingOn(delimiter: string, text: string): string[] {
  const rows: string[][] = parse(text, {
    delimiter,
    quote: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
  });
  return rows.flat();
}

/** A spreadsheet runs a cell as a formula if it starts with = + - @ once the spaces and quotes it may trim are gone. */
const runsAsFormula = (cell: string) => /^[\s"]*[=+\-@]/.test(cell);

/** One envelope per set of custom values, its one recipient signed, the last the newest, under a new hook. */
function seed(values: Record<string, string>[], hookName?: string) {
  const recipient = (index: number) => ({ recipientOrder: '1', recipientEmail: `person${index}@example.com` });
  return seedEnvelopes(
    values.map((custom, index) => ({ query: { action: 'workstepFinished', ...recipient(index), ...custom } })),
    hookName,
  );
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
      'Name',
      'Status',
      'Action required',
      'Signed',
      'Recipients',
      'Recipient e-mails',
      'Last action',
      'Last activity (UTC)',
      'First seen (UTC)',
      'Finished (UTC)',
      'Sent (UTC)',
      'Expires (UTC)',
      'Waiting on',
      'Waiting on e-mail',
      'Waiting since (UTC)',
      'Test',
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
      Name: 'K-1',
      Status: 'Partially signed',
      'Sent (UTC)': '',
      'Expires (UTC)': '',
      Test: 'no',
      'Action required': 'no',
      Signed: '1',
      Recipients: '1',
      'Recipient e-mails': 'person0@example.com',
      'Last action': 'Signed',
      Documents: 'None',
      Hook: hook.name,
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

  it('follows the list order and the new filters, leaving test envelopes out unless asked', async () => {
    const { hook, ids } = await seed([{ contract: 'A' }, { contract: 'B' }, { contract: 'C' }, { contract: 'D' }]);
    const soon = (days: number) => new Date(Date.now() + days * 24 * 3_600_000);
    const updates = [
      { expiresAt: soon(2), sentAt: new Date('2025-01-02T03:04:05Z'), name: 'Deal A' },
      { expiresAt: soon(10) },
      { expiresAt: null, isTest: true },
      { expiresAt: soon(1) },
    ];
    for (const [index, data] of updates.entries()) await prisma.envelope.update({ where: { id: ids[index] }, data });
    await setWaitingOn(ids[0]!, { name: 'Ana Pop' });
    await setWaitingOn(ids[1]!, { email: 'ion@example.com' });
    const exported = async (query: string) =>
      byHeader(parseCsv((await download(`hook=${hook.id}&${query}`)).text.slice(1)));
    const idsOf = (records: Record<string, string | undefined>[]) => records.map((record) => record['Envelope id']);

    expect(idsOf(await exported('sort=deadline&dir=asc'))).toEqual([ids[3], ids[0], ids[1]]);
    expect(idsOf(await exported('sort=deadline&dir=desc&tests=include'))).toEqual([ids[1], ids[0], ids[3], ids[2]]);
    expect(idsOf(await exported('sort=activity&dir=asc'))).toEqual([ids[0], ids[1], ids[3]]);
    expect(idsOf(await exported('expiringWithin=3&sort=deadline&dir=asc'))).toEqual([ids[3], ids[0]]);
    expect(idsOf(await exported('waitingOn=ana%20p'))).toEqual([ids[0]]);
    const [first] = await exported('waitingOn=ana%20p');
    expect(first).toMatchObject({ Name: 'Deal A', 'Sent (UTC)': '2025-01-02 03:04:05', 'Waiting on': 'Ana Pop' });
    expect(first!['Expires (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await exported('tests=include')).find((record) => record['Envelope id'] === ids[2])).toMatchObject({
      Test: 'yes',
    });
    expect((await download('sort=size')).response.status).toBe(400);
  });

  it('never says "Finished" for an envelope that did not complete', async () => {
    const { hook, ids } = await seed([{}]);
    await sendWebhook(hook.id, { query: { envelopeId: ids[0]!, action: 'workstepRejected', recipientOrder: '1' } });
    await sendWebhook(hook.id, {
      query: { envelopeId: ids[0]!, action: 'envelopeFinished', FTOSIsFinishCallback: '1' },
    });
    const [record] = byHeader(parseCsv((await download(`hook=${hook.id}`)).text.slice(1)));
    expect(record).toMatchObject({ Status: 'Rejected', 'Last action': 'Rejected' });
  });

  it('reads back safely in a spreadsheet that splits on semicolons, as German, French, Italian and Romanian Excel do', async () => {
    const { hook, ids } = await seed([
      {
        contract: 'x;=1+1@evil.example',
        note: 'paid; @SUM(A1:A9)',
        reference: 'R-7|+40 721 000 000',
        memo: 'first line\n-2 second line',
        '@key': '"=quoted"',
      },
    ]);
    const { text } = await download(`hook=${hook.id}`);

    const [record] = byHeader(parseCsv(text.slice(1)));
    expect(record).toMatchObject({
      'Envelope id': ids[0],
      contract: `x;'=1+1@evil.example`,
      note: `paid; '@SUM(A1:A9)`,
      reference: `R-7|'+40 721 000 000`,
      memo: `first line\n'-2 second line`,
      "'@key": `"'=quoted"`,
    });

    for (const delimiter of [',', ';', '\t', '|']) {
      const cells = parseCsvSplittingOn(delimiter, text.slice(1));
      expect(cells.filter(runsAsFormula), `cells split on ${JSON.stringify(delimiter)}`).toEqual([]);
    }
    // The cell the semicolon splits off is there, guarded.
    expect(parseCsvSplittingOn(';', text.slice(1))).toContainEqual(expect.stringMatching(/^'=1\+1@evil\.example"/));
  });

  it('names the hook in the Hook column and never writes its id, the secret part of the webhook URL', async () => {
    // Letters outside hex, so the search term can never occur inside a random envelope id.
    const term = `zq-${randomUUID()}`;
    const first = await seed([{ batch: term }, { batch: term }], 'Contracts team');
    const second = await seed([{ batch: term }], '=Partner desk');
    const { text } = await download(`q=${term}`);

    const records = byHeader(parseCsv(text.slice(1)));
    expect(records.map((record) => [record['Envelope id'], record.Hook])).toEqual([
      [second.ids[0], "'=Partner desk"],
      [first.ids[1], 'Contracts team'],
      [first.ids[0], 'Contracts team'],
    ]);
    expect(text).not.toContain(first.hook.id);
    expect(text).not.toContain(second.hook.id);
  });

  it('refuses filters it cannot apply, with the error shape', async () => {
    const { response, text } = await download('status=done');
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error).toMatchObject({ code: 'invalid_query', message: expect.stringContaining('status') });
    const reversed = await download('from=2025-02-01&to=2025-01-01');
    expect(reversed.response.status).toBe(400);
    expect(JSON.parse(reversed.text).error.message).toMatch(/from: must not be after to/);
    // Asked first by the page: the same message, before any download starts.
    const reserved = await POST(
      new NextRequest('http://localhost/api/exports/envelopes?status=done', { method: 'POST' }),
    );
    expect(reserved.status).toBe(400);
    expect((await reserved.json()).error.code).toBe('invalid_query');
  });

  it("reserves the page's download, which then streams through the ticket's URL and is audited without it", async () => {
    const { ids } = await seed([{ contract: `ticket-${randomUUID()}` }]);
    const envelopeId = ids[0]!;
    const reserved = await POST(
      new NextRequest(`http://localhost/api/exports/envelopes?q=${envelopeId}&ticket=stale`, { method: 'POST' }),
    );
    expect(reserved.status).toBe(201);
    const { downloadUrl } = (await reserved.json()) as { downloadUrl: string };
    const url = new URL(downloadUrl, 'http://localhost');
    expect(url.pathname).toBe('/api/exports/envelopes');
    expect(url.searchParams.get('q')).toBe(envelopeId);
    expect(url.searchParams.getAll('ticket')).toEqual([expect.stringMatching(/^[\w-]{24}$/)]);

    const { response, text } = await download(url.search.slice(1));
    expect(response.status).toBe(200);
    const [, ...rows] = parseCsv(text.slice(1));
    expect(rows.map((row) => row[0])).toEqual([envelopeId]);
    const audited = await prisma.auditEntry.findMany({
      where: { action: 'export.csv' },
      orderBy: { id: 'desc' },
      take: 20,
      select: { detail: true },
    });
    const details = audited.map((entry) => JSON.stringify(entry.detail));
    expect(details.filter((detail) => detail.includes(envelopeId))).toEqual([`{"query":"?q=${envelopeId}"}`]);
  });
});

describe(`exportEnvelopesCsv on ${provider}`, () => {
  it('reads in batches, puts keys seen only later in one column, and exports the view as it stood when the download began', async () => {
    const { hook, ids } = await seed([
      { late: 'x' },
      {},
      { contract: 'C-3' },
      { contract: 'C-4' },
      { contract: 'C-5' },
    ]);
    const rows = exportEnvelopesCsv({ filters: { hook: hook.id }, batchSize: 2 });
    const chunks: string[] = [];
    let arrived = '';
    for await (const chunk of rows) {
      chunks.push(chunk);
      // After the first batch (header + 2 rows): the oldest envelope gets news and moves to the top of the list,
      // and a new one arrives.
      if (chunks.length === 2) {
        await sendWebhook(hook.id, { query: { envelopeId: ids[0]!, action: 'workstepRejected', recipientOrder: '1' } });
        arrived = `arrived-${randomUUID()}`;
        await sendWebhook(hook.id, { query: { envelopeId: arrived, action: 'sendSignNotification' } });
        // The rest of the app sees the news at once: only the export reads in its snapshot.
        const live = await listEnvelopes(listEnvelopesQuerySchema.parse({ hook: hook.id }));
        expect(live.items.map((envelope) => envelope.id).slice(0, 2)).toEqual([arrived, ids[0]]);
        expect(live.items[1]).toMatchObject({ status: 'rejected' });
      }
    }
    const records = byHeader(parseCsv(chunks.join('').slice(1)));
    expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(['contract', 'Other custom values']));
    expect(Object.keys(records[0]!)).not.toContain('late');
    // Each envelope once, where and as it was when the export began; the newcomer waits for the next export.
    expect(records.map((record) => record['Envelope id'])).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
    expect(records[4]).toMatchObject({ Status: 'Partially signed', 'Other custom values': 'late=x', contract: '' });
    expect(chunks.join('')).not.toContain(arrived);
  });

  it('lets go of its snapshot when the download stops halfway, so the next export sees what changed', async () => {
    const { hook, ids } = await seed([{}, {}, {}, {}]);
    const rows = exportEnvelopesCsv({ filters: { hook: hook.id }, batchSize: 1 });
    await rows.next(); // the header
    const first = await rows.next();
    expect(first.value).toContain(ids[3]);
    expect(openReadSnapshots()).toBeGreaterThan(0);
    await rows.return(undefined);
    expect(openReadSnapshots()).toBe(0);
    await sendWebhook(hook.id, { query: { envelopeId: ids[0]!, action: 'workstepRejected', recipientOrder: '1' } });

    const { text } = await download(`hook=${hook.id}`);
    const records = byHeader(parseCsv(text.slice(1)));
    expect(records.map((record) => [record['Envelope id'], record.Status])).toEqual([
      [ids[0], 'Rejected'],
      [ids[3], 'Partially signed'],
      [ids[2], 'Partially signed'],
      [ids[1], 'Partially signed'],
    ]);
  });

  it('looks hook names up per batch, so envelopes of several hooks each get their own hook name', async () => {
    const term = `zq-${randomUUID()}`;
    const first = await seed([{ batch: term }, { batch: term }], 'Loans');
    const second = await seed([{ batch: term }], 'Leasing');
    const third = await seed([{ batch: term }], 'Loans');
    const chunks: string[] = [];
    for await (const chunk of exportEnvelopesCsv({ filters: { q: term }, batchSize: 1 })) chunks.push(chunk);
    const text = chunks.join('');

    const records = byHeader(parseCsv(text.slice(1)));
    expect(records.map((record) => [record['Envelope id'], record.Hook])).toEqual([
      [third.ids[0], 'Loans'],
      [second.ids[0], 'Leasing'],
      [first.ids[1], 'Loans'],
      [first.ids[0], 'Loans'],
    ]);
    for (const { hook } of [first, second, third]) expect(text).not.toContain(hook.id);
  });
});
