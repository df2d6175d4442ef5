import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiRequestError, describeFailure, readApiError, requestJson } from './request-json';

function answer(body: string, status = 200) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );
}

async function failureOf(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestJson', () => {
  it('sends a JSON body and answers the checked JSON', async () => {
    const fetch = vi.fn(async () => Response.json({ id: 'a', extra: true }, { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    const schema = z.object({ id: z.string() });
    expect(await requestJson('/api/things', { method: 'POST', body: { name: 'x' }, schema })).toEqual({ id: 'a' });
    expect(fetch).toHaveBeenCalledWith('/api/things', {
      method: 'POST',
      cache: 'no-store',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"name":"x"}',
    });
  });

  it('answers null for an empty success, such as a 204', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    expect(await requestJson('/api/things/a', { method: 'DELETE' })).toBeNull();
  });

  it("turns the API's one error shape into an error with its message and code", async () => {
    answer(JSON.stringify({ error: { code: 'not_found', message: 'No active hook has this id.' } }), 404);
    const failure = await failureOf(requestJson('/api/hooks/x'));
    expect(failure).toMatchObject({ message: 'No active hook has this id.', status: 404, code: 'not_found' });
    expect(failure.fromApi).toBe(true);
  });

  it('says what went wrong when there is no API message: no answer, a bare status, a strange answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await failureOf(requestJson('/api/x'))).toMatchObject({
      message: 'the server could not be reached',
      status: null,
      fromApi: false,
    });

    answer('<html>Bad gateway</html>', 502);
    expect(await failureOf(requestJson('/api/x'))).toMatchObject({
      message: 'the server answered HTTP 502',
      status: 502,
      code: null,
    });

    answer('{"items": "not a list"}');
    const schema = z.object({ items: z.array(z.string()) });
    expect((await failureOf(requestJson('/api/x', { schema }))).message).toBe(
      'the server sent an answer this page does not understand; reload the page',
    );
    answer('not json');
    expect((await failureOf(requestJson('/api/x', { schema }))).status).toBe(200);
  });
});

describe('describeFailure', () => {
  it("shows the API's message as it is and says what failed otherwise", () => {
    const fromApi = new ApiRequestError('Delivery not found.', { status: 404, code: 'not_found', fromApi: true });
    expect(describeFailure(fromApi, 'Replay failed')).toBe('Delivery not found.');
    const unreachable = new ApiRequestError('the server could not be reached', { status: null });
    expect(describeFailure(unreachable, 'Replay failed')).toBe('Replay failed: the server could not be reached.');
    expect(describeFailure('boom', 'Retry failed')).toBe('Retry failed: unknown error.');
  });
});

describe('readApiError', () => {
  it('reads the error shape and nothing else', () => {
    expect(readApiError({ error: { code: 'x', message: 'Why.' } })).toEqual({ code: 'x', message: 'Why.' });
    expect(readApiError({ error: { message: 'Why.' } })).toEqual({ code: null, message: 'Why.' });
    expect(readApiError({ error: 'Why.' })).toBeNull();
    expect(readApiError(null)).toBeNull();
  });
});
