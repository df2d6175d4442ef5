import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonBody } from './parse-json-body';

const schema = z.object({
  name: z.string().trim().min(1, 'Give it a name.'),
  limit: z.number().int().min(1).optional(),
});

function post(body: string | undefined, contentType = 'application/json') {
  return new Request('http://127.0.0.1/api/things', { method: 'POST', headers: { 'content-type': contentType }, body });
}

async function refusal(result: Awaited<ReturnType<typeof parseJsonBody>>) {
  if (result.ok) throw new Error('expected a refusal');
  return { status: result.response.status, body: await result.response.json() };
}

describe('parseJsonBody', () => {
  it('answers the validated, transformed value', async () => {
    expect(await parseJsonBody(post('{"name": "  Production  ", "limit": 5}'), schema)).toEqual({
      ok: true,
      value: { name: 'Production', limit: 5 },
    });
  });

  it('reads JSON whatever the content type says, as request.json() did', async () => {
    expect(await parseJsonBody(post('{"name": "a"}', 'text/plain'), schema)).toMatchObject({ ok: true });
  });

  it('refuses a body that is not JSON with 400 in the one error shape, saying what to send', async () => {
    expect(await refusal(await parseJsonBody(post('{nope'), schema, { code: 'invalid_thing' }))).toEqual({
      status: 400,
      body: { error: { code: 'invalid_thing', message: 'The request body is not valid JSON. Send a JSON object.' } },
    });
    const withExample = await parseJsonBody(post('{nope'), schema, { example: 'Send {"name": "..."}.' });
    expect((await refusal(withExample)).body.error).toEqual({
      code: 'invalid_body',
      message: 'The request body is not valid JSON. Send {"name": "..."}.',
    });
  });

  it('refuses an empty body unless the route says what it stands for', async () => {
    expect((await refusal(await parseJsonBody(post(undefined), schema))).body.error.message).toBe(
      'The request body is empty. Send a JSON object.',
    );
    expect((await refusal(await parseJsonBody(post('  '), schema))).status).toBe(400);
    const loose = z.object({ style: z.string().optional() });
    expect(await parseJsonBody(post(undefined), loose, { emptyBody: {} })).toEqual({ ok: true, value: {} });
  });

  it("shows a schema's own sentence as it is and names the field for zod's terse messages", async () => {
    expect((await refusal(await parseJsonBody(post('{"name": "  "}'), schema))).body.error.message).toBe(
      'Give it a name.',
    );
    expect((await refusal(await parseJsonBody(post('{"name": "a", "limit": 0}'), schema))).body.error.message).toBe(
      'limit: Too small: expected number to be >=1',
    );
  });

  it('adds the example when the body as a whole has the wrong shape', async () => {
    const result = await parseJsonBody(post('[1, 2]'), schema, { example: 'Send {"name": "..."}.' });
    expect((await refusal(result)).body.error.message).toBe(
      'body: Invalid input: expected object, received array. Send {"name": "..."}.',
    );
    expect((await refusal(await parseJsonBody(post('null'), schema))).body.error.message).toBe(
      'body: Invalid input: expected object, received null',
    );
  });

  it('answers without caching, like every error of the API', async () => {
    const result = await parseJsonBody(post('{nope'), schema);
    expect(result.ok ? null : result.response.headers.get('cache-control')).toBe('no-store');
  });
});
