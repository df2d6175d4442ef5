import { describe, expect, it } from 'vitest';
import {
  FINTECHOS_EXAMPLE_ENVELOPE_ID,
  fintechosFinishExample,
  fintechosStatusExample,
} from '@/app/testing/fintechos-examples';
import { parseNotification, type Notification, type ParseFailure, type RawDelivery } from './parse-notification';

const ENVELOPE_ID = FINTECHOS_EXAMPLE_ENVELOPE_ID;

function get(query: string): RawDelivery {
  return { method: 'GET', query, body: null, contentType: null };
}

function post(body: string | null, contentType: string | null = 'application/json', query = ''): RawDelivery {
  return { method: 'POST', query, body, contentType };
}

function postJson(fields: unknown, query = ''): RawDelivery {
  return post(JSON.stringify(fields), 'application/json', query);
}

function expectNotification(raw: RawDelivery): Notification {
  const result = parseNotification(raw);
  if (!result.ok) throw new Error(`expected a notification, got ${result.code}: ${result.message}`);
  return result.notification;
}

function expectFailure(raw: RawDelivery, code: string): ParseFailure {
  const result = parseNotification(raw);
  if (result.ok) throw new Error(`expected ${code}, got a notification: ${JSON.stringify(result.notification)}`);
  expect(result.code).toBe(code);
  return result;
}

const minimalQuery = `envelopeId=${ENVELOPE_ID}&action=workstepFinished`;

describe('parseNotification: the FintechOS examples', () => {
  it.each([
    [
      'reads the status example from Data and ignores the rest of the automation context',
      fintechosStatusExample(),
      'workstepOpened',
      false,
    ],
    ['reads the finish example as a finish callback', fintechosFinishExample(), 'envelopeFinished', true],
  ])('%s', (_name, example, action, isFinishCallback) => {
    expect(parseNotification(post(example))).toEqual({
      ok: true,
      notification: {
        envelopeId: ENVELOPE_ID,
        action,
        recipientEmail: null,
        recipientOrder: null,
        isFinishCallback,
        customValues: { test: '12345', asdf: 'abc' },
        details: null,
        notices: [],
      },
    });
  });
});

describe('parseNotification: where the fields come from', () => {
  it('reads an eSignAnyWhere GET callback from the query string', () => {
    const query =
      `test=12345&asdf=abc&envelopeId=${ENVELOPE_ID}&recipientEmail=jane.doe%40example.com` +
      '&recipientOrder=2&action=workstepFinished';
    expect(expectNotification(get(query))).toEqual({
      envelopeId: ENVELOPE_ID,
      action: 'workstepFinished',
      recipientEmail: 'jane.doe@example.com',
      recipientOrder: 2,
      isFinishCallback: false,
      customValues: { test: '12345', asdf: 'abc' },
      details: null,
      notices: [],
    });
  });

  it('reads flat JSON, a form body and a form-looking body without content type alike', () => {
    const expected = expectNotification(get(`${minimalQuery}&test=1`));
    expect(expectNotification(postJson({ envelopeId: ENVELOPE_ID, action: 'workstepFinished', test: '1' }))).toEqual(
      expected,
    );
    expect(expectNotification(post(`${minimalQuery}&test=1`, 'application/x-www-form-urlencoded'))).toEqual(expected);
    expect(expectNotification(post(`${minimalQuery}&test=1`, null))).toEqual(expected);
    expect(expectNotification(post(`${minimalQuery}&test=1`, 'text/plain'))).toEqual(expected);
  });

  it('turns a lone UTF-16 surrogate from a JSON escape into U+FFFD rather than failing', () => {
    const body = `{"envelopeId":"${ENVELOPE_ID}","action":"workstepOpened","recipientEmail":"a\\ud800@example.com","note":"x\\udfff"}`;
    const notification = expectNotification(post(body, 'application/json'));
    expect(notification.recipientEmail).toBe('a\uFFFD@example.com');
    expect(notification.customValues).toEqual({ note: 'x\uFFFD' });
    expect(() => encodeURIComponent(notification.recipientEmail!)).not.toThrow();
  });

  it('merges query and body fields, the body winning on conflict', () => {
    const notification = expectNotification(
      postJson({ action: 'workstepOpened', asdf: 'from-body' }, `${minimalQuery}&asdf=from-query&test=12345`),
    );
    expect(notification.envelopeId).toBe(ENVELOPE_ID);
    expect(notification.action).toBe('workstepOpened');
    expect(notification.customValues).toEqual({ asdf: 'from-body', test: '12345' });
  });

  it('does not let an empty body value erase the query value', () => {
    const notification = expectNotification(
      postJson({ recipientOrder: '', test: ' ' }, `${minimalQuery}&recipientOrder=3&test=x`),
    );
    expect(notification.recipientOrder).toBe(3);
    expect(notification.customValues).toEqual({ test: 'x' });
  });

  it('matches recognised names case-insensitively, the last of them winning', () => {
    const notification = expectNotification(
      get(
        `ENVELOPEID=first&envelopeid=${ENVELOPE_ID}&Action=workstepOpened&RECIPIENTORDER=1&ftosisfinishcallback=TRUE`,
      ),
    );
    expect(notification).toMatchObject({
      envelopeId: ENVELOPE_ID,
      action: 'workstepOpened',
      recipientOrder: 1,
      isFinishCallback: true,
      customValues: {},
    });
  });

  it('matches names in ASCII case only, so look-alike letters make a custom field', () => {
    // U+212A KELVIN SIGN lower-cases to k under Unicode rules.
    const notification = expectNotification(get(`${minimalQuery}&FTOSIsFinishCallbac%E2%84%AA=1`));
    expect(notification.isFinishCallback).toBe(false);
    expect(notification.customValues).toEqual({ 'FTOSIsFinishCallbac\u212A': '1' });
  });

  it('lets the last of repeated keys win in a query string and in a form', () => {
    expect(expectNotification(get(`${minimalQuery}&test=1&test=2&action=workstepOpened`))).toMatchObject({
      action: 'workstepOpened',
      customValues: { test: '2' },
    });
    expect(
      expectNotification(post(`${minimalQuery}&test=1&test=2`, 'application/x-www-form-urlencoded')).customValues,
    ).toEqual({ test: '2' });
  });

  it('keeps custom keys in their original spelling, keys differing in case being different fields', () => {
    expect(expectNotification(get(`${minimalQuery}&ContractNo=C-1&contractno=C-2`)).customValues).toEqual({
      ContractNo: 'C-1',
      contractno: 'C-2',
    });
  });

  it('trims values and keys, and drops empty values and nameless fields', () => {
    const notification = expectNotification(
      get(
        `envelopeId=%20${ENVELOPE_ID}%20&action=+workstepOpened+&recipientEmail=%20&%20test%20=%20x%20&empty=&=nameless`,
      ),
    );
    expect(notification).toEqual({
      envelopeId: ENVELOPE_ID,
      action: 'workstepOpened',
      recipientEmail: null,
      recipientOrder: null,
      isFinishCallback: false,
      customValues: { test: 'x' },
      details: null,
      notices: [],
    });
  });

  it('decodes percent escapes and survives broken ones', () => {
    expect(expectNotification(get(`${minimalQuery}&ref=%E2%82%AC%20100&broken=%zz%E2%82`)).customValues).toEqual({
      ref: '€ 100',
      broken: '%zz\uFFFD',
    });
  });

  it('ignores the body of a GET and reads the body of other methods', () => {
    const body = JSON.stringify({ action: 'workstepOpened' });
    const getWithBody: RawDelivery = { method: 'GET', query: minimalQuery, body, contentType: 'application/json' };
    expect(expectNotification(getWithBody).action).toBe('workstepFinished');
    expect(expectNotification({ ...getWithBody, method: 'put' }).action).toBe('workstepOpened');
  });

  it('stores a __proto__ key as a plain custom value', () => {
    const notification = expectNotification(postJson(JSON.parse(`{"envelopeId":"e1","action":"a","__proto__":"x"}`)));
    expect(Object.getOwnPropertyDescriptor(notification.customValues, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(notification.customValues)).toBe(Object.prototype);
    expect(expectNotification(get('envelopeId=e1&action=a&__proto__=y')).customValues['__proto__']).toBe('y');
  });
});

describe('parseNotification: body decoding', () => {
  it('ignores content-type parameters and case', () => {
    const body = JSON.stringify({ envelopeId: 'e1', action: 'a' });
    expect(parseNotification(post(body, 'Application/JSON; charset=UTF-8')).ok).toBe(true);
    expect(parseNotification(post(body, 'application/vnd.fintechos+json')).ok).toBe(true);
    expect(
      parseNotification(post('envelopeId=e1&action=a', 'application/x-www-form-urlencoded;charset=utf-8')).ok,
    ).toBe(true);
  });

  it('sniffs JSON in text/plain and in bodies without content type, after whitespace and a byte-order mark', () => {
    const body = `\uFEFF \n${JSON.stringify({ envelopeId: 'e1', action: 'a' })}\n`;
    expect(parseNotification(post(body, 'text/plain')).ok).toBe(true);
    expect(parseNotification(post(body, null)).ok).toBe(true);
    expect(parseNotification(post(body, 'application/json')).ok).toBe(true);
  });

  it('treats an empty or blank body as no body fields, whatever its content type', () => {
    for (const body of [null, '', '  \n ']) {
      expect(parseNotification(post(body, 'multipart/form-data', minimalQuery)).ok).toBe(true);
    }
  });

  it('refuses other content types with 415, listing the accepted ones', () => {
    for (const contentType of ['multipart/form-data; boundary=x', 'application/xml', 'json', 'text/json']) {
      const failure = expectFailure(post('<x/>', contentType, minimalQuery), 'unsupported_media_type');
      expect(failure.status).toBe(415);
      expect(failure.message).toContain('application/json');
      expect(failure.message).toContain('application/x-www-form-urlencoded');
      expect(failure.message).toContain('text/plain');
    }
  });

  it('refuses invalid JSON, saying what shape is expected', () => {
    for (const raw of [post('{"envelopeId": '), post('[1,', null), post('{nope}', 'text/plain')]) {
      const failure = expectFailure(raw, 'malformed_json');
      expect(failure.status).toBe(400);
      expect(failure.message).toMatch(/not valid JSON/);
      expect(failure.message).toContain('"Data"');
    }
  });

  it('refuses JSON whose top level is not an object', () => {
    for (const body of ['[]', '[{"envelopeId":"e1","action":"a"}]', '"text"', '42', 'null', 'true']) {
      expect(expectFailure(post(body), 'malformed_json').message).toMatch(/not an object/);
    }
  });

  it('finds Data case-insensitively, and takes fields from it only', () => {
    const notification = expectNotification(
      postJson({ envelopeId: 'ignored', Other: 'ignored', data: { envelopeId: 'e1', action: 'a', ref: 'r' } }),
    );
    expect(notification).toMatchObject({ envelopeId: 'e1', customValues: { ref: 'r' } });
  });

  it('treats a Data key that is not an object as a flat field', () => {
    expect(expectNotification(postJson({ envelopeId: 'e1', action: 'a', Data: 'x' })).customValues).toEqual({
      Data: 'x',
    });
    expect(expectNotification(postJson({ envelopeId: 'e1', action: 'a', Data: [1] })).customValues).toEqual({
      Data: '[1]',
    });
  });

  it('turns numbers and booleans into text, drops nulls and keeps nested values as JSON text', () => {
    const notification = expectNotification(
      postJson({
        envelopeId: 'e1',
        action: 'a',
        recipientOrder: 2,
        FTOSIsFinishCallback: true,
        recipientEmail: null,
        amount: 12.5,
        flag: false,
        nothing: null,
        nested: { a: [1, 'b'] },
      }),
    );
    expect(notification).toEqual({
      envelopeId: 'e1',
      action: 'a',
      recipientEmail: null,
      recipientOrder: 2,
      isFinishCallback: true,
      customValues: { amount: '12.5', flag: 'false', nested: '{"a":[1,"b"]}' },
      details: null,
      notices: [],
    });
  });

  it('refuses an object or array in a recognised field, naming the field', () => {
    expect(expectFailure(postJson({ envelopeId: { id: 'e1' }, action: 'a' }), 'invalid_field').message).toContain(
      'envelopeId',
    );
    expect(expectFailure(postJson({ envelopeId: 'e1', ACTION: ['a'] }), 'invalid_field').message).toContain('action');
  });

  it('survives deeply nested JSON, dropping that field and saying so', () => {
    const depth = 30_000;
    const body = `{"envelopeId":"e1","action":"a","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(() => parseNotification(post(body))).not.toThrow();
    const notification = expectNotification(post(body));
    expect(notification.customValues).toEqual({});
    expect(notification.notices).toEqual(['The custom field "deep" was dropped: its JSON value is nested too deeply.']);
  });
});

describe('parseNotification: required fields and placeholders', () => {
  it('asks for envelopeId when it is missing or empty', () => {
    for (const query of ['action=a', 'envelopeId=&action=a', 'envelopeId=%20&action=a']) {
      expect(expectFailure(get(query), 'missing_envelope_id').message).toBe(
        'The notification has no envelopeId. Add envelopeId=##EnvelopeId## to the WebhookUrl and WebhookStatusUrl of the sign request.',
      );
    }
  });

  it('reads a notification with an envelope id and no action as the finish callback', () => {
    expect(expectNotification(get('envelopeId=e1&myParam=1234'))).toMatchObject({
      envelopeId: 'e1',
      action: 'finishCallback',
      isFinishCallback: true,
      customValues: { myParam: '1234' },
    });
  });

  it('reports a template sent without its placeholders replaced', () => {
    const query =
      'test=12345&asdf=abc&envelopeId=##EnvelopeId##&recipientEmail=##RecipientEmail##' +
      '&recipientOrder=##RecipientOrder##&action=##Action##';
    const failure = expectFailure(get(query), 'unreplaced_placeholder');
    expect(failure.status).toBe(400);
    expect(failure.message).toContain('envelopeId');
    expect(failure.message).toContain('"##EnvelopeId##"');
    for (const placeholder of ['##EnvelopeId##', '##Action##', '##RecipientEmail##', '##RecipientOrder##']) {
      expect(failure.message).toContain(placeholder);
    }
  });

  it('reads any other unreplaced field as absent when the envelope id is usable, and says so', () => {
    const notification = expectNotification(
      get(`envelopeId=e1&action=##Action##&recipientEmail=##RecipientEmail##&recipientOrder=##RecipientOrder##`),
    );
    expect(notification).toMatchObject({
      action: 'finishCallback',
      isFinishCallback: true,
      recipientEmail: null,
      recipientOrder: null,
    });
    expect(notification.notices).toEqual([
      'action held the unreplaced placeholder "##Action##" and was read as absent.',
      'recipientEmail held the unreplaced placeholder "##RecipientEmail##" and was read as absent.',
      'recipientOrder held the unreplaced placeholder "##RecipientOrder##" and was read as absent.',
    ]);
    expect(expectFailure(get('envelopeId=x##Envelope Id##&action=a'), 'unreplaced_placeholder').message).toContain(
      '"##Envelope Id##"',
    );
    expectFailure(get('action=##Action##'), 'missing_envelope_id');
  });

  it('leaves placeholders in custom values alone', () => {
    expect(expectNotification(get(`${minimalQuery}&note=%23%23Other%23%23`)).customValues).toEqual({
      note: '##Other##',
    });
  });
});

describe('parseNotification: field formats', () => {
  it('accepts envelope ids of letters, digits, dot, underscore and hyphen up to 128 characters', () => {
    expect(expectNotification(get(`envelopeId=${'a'.repeat(128)}&action=a`)).envelopeId).toHaveLength(128);
    expect(expectNotification(get('envelopeId=A.b_C-9&action=a')).envelopeId).toBe('A.b_C-9');
  });

  it('refuses other envelope ids, saying the allowed form', () => {
    for (const envelopeId of ['a'.repeat(129), 'a b', 'a/b', 'é', "1'--", '.', '..', '...']) {
      const failure = expectFailure(
        get(`envelopeId=${encodeURIComponent(envelopeId)}&action=a`),
        'invalid_envelope_id',
      );
      expect(failure.message).toMatch(/1 to 128 characters.*letters.*digits.*dot.*underscore.*hyphen/);
    }
  });

  it('keeps unknown actions as they came, and refuses malformed ones', () => {
    expect(expectNotification(get('envelopeId=e1&action=someFutureAction.v2')).action).toBe('someFutureAction.v2');
    expect(expectNotification(get(`envelopeId=e1&action=${'a'.repeat(100)}`)).action).toHaveLength(100);
    expectFailure(get(`envelopeId=e1&action=${'a'.repeat(101)}`), 'invalid_action');
    expectFailure(get('envelopeId=e1&action=work%20step'), 'invalid_action');
  });

  it('reads recipientOrder as a whole number from 0 to 10,000', () => {
    expect(expectNotification(get(`${minimalQuery}&recipientOrder=0`)).recipientOrder).toBe(0);
    expect(expectNotification(get(`${minimalQuery}&recipientOrder=007`)).recipientOrder).toBe(7);
    expect(expectNotification(get(`${minimalQuery}&recipientOrder=10000`)).recipientOrder).toBe(10_000);
    expect(expectNotification(postJson({ envelopeId: 'e1', action: 'a', recipientOrder: 2 })).recipientOrder).toBe(2);
  });

  it('refuses recipientOrder values that are not whole numbers from 0 to 10,000, saying the range', () => {
    for (const order of ['2.5', 'abc', '-1', '1e3', '+1', '0x10', '10001', '2147483648', '9007199254740991', '１']) {
      const failure = expectFailure(
        get(`${minimalQuery}&recipientOrder=${encodeURIComponent(order)}`),
        'invalid_recipient_order',
      );
      expect(failure.message).toContain('from 0 to 10,000');
    }
    expectFailure(postJson({ envelopeId: 'e1', action: 'a', recipientOrder: 2.5 }), 'invalid_recipient_order');
    expectFailure(postJson({ envelopeId: 'e1', action: 'a', recipientOrder: -1 }), 'invalid_recipient_order');
  });

  it('keeps recipientEmail as given up to 320 characters', () => {
    expect(expectNotification(get(`${minimalQuery}&recipientEmail=not-an-email`)).recipientEmail).toBe('not-an-email');
    const longest = `${'a'.repeat(308)}@example.com`;
    expect(expectNotification(get(`${minimalQuery}&recipientEmail=${longest}`)).recipientEmail).toBe(longest);
    expectFailure(get(`${minimalQuery}&recipientEmail=a${longest}`), 'invalid_recipient_email');
  });

  it('marks finish callbacks by FTOSIsFinishCallback 1 or true, or by the envelopeFinished action', () => {
    const isFinish = (query: string) => expectNotification(get(query)).isFinishCallback;
    for (const flag of ['1', 'true', 'TRUE', 'True'])
      expect(isFinish(`${minimalQuery}&FTOSIsFinishCallback=${flag}`)).toBe(true);
    for (const flag of ['0', 'false', 'yes', ''])
      expect(isFinish(`${minimalQuery}&FTOSIsFinishCallback=${flag}`)).toBe(false);
    expect(isFinish(`envelopeId=e1&action=envelopeFinished`)).toBe(true);
    expect(isFinish(`envelopeId=e1&action=envelopeFinished&FTOSIsFinishCallback=0`)).toBe(true);
  });
});

describe('parseNotification: custom value limits', () => {
  const withCustomFields = (count: number) =>
    `${minimalQuery}&${Array.from({ length: count }, (_, index) => `field${index}=v`).join('&')}`;

  it('keeps the first 50 custom fields and drops the rest, naming them', () => {
    expect(Object.keys(expectNotification(get(withCustomFields(50))).customValues)).toHaveLength(50);
    const notification = expectNotification(get(withCustomFields(53)));
    expect(Object.keys(notification.customValues)).toEqual(Array.from({ length: 50 }, (_, index) => `field${index}`));
    expect(notification.notices).toEqual([
      '3 custom fields ("field50", "field51", "field52") were dropped: a notification brings at most 50 custom fields.',
    ]);
  });

  it('drops names over 100 characters and cuts values to 2000, naming the field cut to 40 characters', () => {
    const fits = expectNotification(get(`${minimalQuery}&${'k'.repeat(100)}=${'v'.repeat(2000)}`));
    expect(fits.notices).toEqual([]);

    const longKey = `${'k'.repeat(39)}XYZ${'k'.repeat(59)}`;
    const keyDropped = expectNotification(get(`${minimalQuery}&${longKey}=v&kept=1`));
    expect(keyDropped.customValues).toEqual({ kept: '1' });
    expect(keyDropped.notices[0]).toContain(`"${'k'.repeat(39)}X…"`);
    expect(keyDropped.notices[0]).not.toContain('XY');

    const valueCut = expectNotification(get(`${minimalQuery}&ref=${'v'.repeat(2001)}`));
    expect(valueCut.customValues.ref).toBe('v'.repeat(2000));
    expect(valueCut.notices).toEqual(['The value of "ref" was cut from 2,001 to 2,000 characters.']);
  });

  it('counts characters, not UTF-16 units', () => {
    const notification = expectNotification(get(`${minimalQuery}&emoji=${encodeURIComponent('😀'.repeat(2000))}`));
    expect(notification.notices).toEqual([]);
  });
});

describe('parseNotification: the callback URLs real integrations configure', () => {
  it("takes Namirial's sample finish callback, ?envelope=##EnvelopeId##", () => {
    expect(expectNotification(get(`envelope=${ENVELOPE_ID}`))).toMatchObject({
      envelopeId: ENVELOPE_ID,
      action: 'finishCallback',
      isFinishCallback: true,
      customValues: {},
    });
  });

  it('takes envelope and envelope_id as the envelope id when envelopeId is absent, with action and own parameters', () => {
    expect(expectNotification(get(`envelope=${ENVELOPE_ID}&action=workstepOpened&crm=42`))).toMatchObject({
      envelopeId: ENVELOPE_ID,
      action: 'workstepOpened',
      isFinishCallback: false,
      customValues: { crm: '42' },
    });
    expect(expectNotification(get(`envelope_id=${ENVELOPE_ID}&action=workstepFinished`)).envelopeId).toBe(ENVELOPE_ID);
    // With envelopeId present, `envelope` is the integrator's own parameter.
    expect(expectNotification(get(`envelopeId=e1&envelope=mine&action=a`))).toMatchObject({
      envelopeId: 'e1',
      customValues: { envelope: 'mine' },
    });
    expect(expectFailure(get('envelope=##EnvelopeId##'), 'unreplaced_placeholder').message).toContain(
      'The field envelope holds',
    );
    expectFailure(get('envelope=..'), 'invalid_envelope_id');
  });

  it('reads a workstep event callback: its event type as the action, its fields apart from the custom values', () => {
    const query =
      `EnvelopeId=${ENVELOPE_ID}&WorkstepId=ws-7&EventType=WorkstepOpened&Source=Web&Time=2026-11-30T10%3A11%3A12Z` +
      '&Description=Opened%20the%20document&RecipientEmail=jane%40example.com&RecipientOrder=1&draft=%23%23DraftId%23%23';
    expect(expectNotification(get(query))).toEqual({
      envelopeId: ENVELOPE_ID,
      action: 'workstepOpened',
      recipientEmail: 'jane@example.com',
      recipientOrder: 1,
      isFinishCallback: false,
      customValues: { draft: '##DraftId##' },
      details: {
        eventType: 'WorkstepOpened',
        workstepId: 'ws-7',
        source: 'Web',
        time: '2026-11-30T10:11:12Z',
        description: 'Opened the document',
      },
      notices: [],
    });
  });

  it('keeps a workstep event type it does not know as the action, and its placeholders as absent', () => {
    const notification = expectNotification(
      get(`envelopeId=e1&EventType=DocumentDownloaded&Source=##Source##&Time=##Time##`),
    );
    expect(notification).toMatchObject({ action: 'DocumentDownloaded', isFinishCallback: false, customValues: {} });
    expect(notification.details).toEqual({
      eventType: 'DocumentDownloaded',
      workstepId: null,
      source: null,
      time: null,
      description: null,
    });
  });

  it('leaves Source, Time and Description to the integrator when the notification is not a workstep event', () => {
    expect(expectNotification(get(`${minimalQuery}&source=crm&Time=noon`))).toMatchObject({
      details: null,
      customValues: { source: 'crm', Time: 'noon' },
    });
  });
});

describe('parseNotification: robustness', () => {
  it('never echoes much sender input in a message', () => {
    const long = 'x'.repeat(5000);
    const failures = [
      expectFailure(get(`envelopeId=${long}!&action=a`), 'invalid_envelope_id'),
      expectFailure(get(`envelopeId=e1&action=${long}!`), 'invalid_action'),
      expectFailure(get(`${minimalQuery}&recipientOrder=${long}`), 'invalid_recipient_order'),
      expectFailure(get(`${minimalQuery}&recipientEmail=${long}`), 'invalid_recipient_email'),
      expectFailure(get(`envelopeId=##${long}##&action=a`), 'unreplaced_placeholder'),
      expectFailure(post('{}', `application/${long}`), 'unsupported_media_type'),
      expectFailure(post(`{"x": "${long}`), 'malformed_json'),
    ];
    for (const failure of failures) expect(failure.message).not.toContain('x'.repeat(61));
  });

  it('makes control characters in echoed input harmless', () => {
    const failure = expectFailure(get('envelopeId=a%0Ab%00c&action=a'), 'invalid_envelope_id');
    expect(failure.message).toContain('"a\uFFFDb\uFFFDc"');
  });

  it('returns a failure instead of throwing when called with values its types do not allow', () => {
    const broken = { method: undefined, query: null, body: 42, contentType: {} } as unknown as RawDelivery;
    expect(parseNotification(broken)).toMatchObject({ ok: false, status: 400, code: 'unreadable_notification' });
  });
});
