import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNING_SERVICE_ACTIONS } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import { parseNotification, type Notification, type ParseResult, type RawDelivery } from './parse-notification';

const RUNS = 500;
const RECOGNISED_NAMES = [
  'envelopeid',
  'action',
  'recipientemail',
  'recipientorder',
  'ftosisfinishcallback',
  'eventtype',
];

// The parser matches names in ASCII case only, so the check must too (Unicode folding maps the Kelvin sign to k).
const asciiLowerCase = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

function expectWellFormedResult(result: ParseResult): void {
  if (!result.ok) {
    expect([400, 415]).toContain(result.status);
    expect(result.code).toMatch(/^[a-z_]+$/);
    expect(result.message.length).toBeGreaterThan(0);
    return;
  }
  const { notification } = result;
  expect(notification.envelopeId).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
  expect(notification.action.length).toBeGreaterThan(0);
  if (notification.recipientOrder !== null) {
    expect(Number.isSafeInteger(notification.recipientOrder)).toBe(true);
    expect(notification.recipientOrder).toBeGreaterThanOrEqual(0);
    expect(notification.recipientOrder).toBeLessThanOrEqual(10_000);
  }
  expect(notification.recipientEmail).not.toBe('');
  // Whatever was sent, one notification brings a bounded amount of custom values.
  expect(Object.keys(notification.customValues).length).toBeLessThanOrEqual(50);
  for (const [key, value] of Object.entries(notification.customValues)) {
    expect(value.trim()).not.toBe('');
    expect(Array.from(key).length).toBeLessThanOrEqual(100);
    expect(Array.from(value).length).toBeLessThanOrEqual(2000);
    expect(RECOGNISED_NAMES).not.toContain(asciiLowerCase(key.trim()));
  }
}

// Fragments that steer random text towards the cases a parser gets wrong: escapes, separators, names, placeholders.
const trickyFragment = fc.constantFrom(
  '&',
  '=',
  '&&==',
  '%',
  '%2',
  '%zz',
  '%E2%82',
  '%ED%A0%80',
  '%00',
  '+',
  '%20',
  '#',
  '##EnvelopeId##',
  'envelopeId',
  'ENVELOPEID',
  'EnvelopeId',
  'action',
  'ACTION',
  'recipientOrder',
  'recipientEmail',
  'FTOSIsFinishCallback',
  'FTOSIsFinishCallbac\u212A',
  'Data',
  '__proto__',
  'constructor',
  '7bfa100a-f52c-4915-b25d-210e6bb82f48',
  'workstepOpened',
  '-1',
  '2.5',
  '1e3',
  '42',
  'true',
);
const loneSurrogateOrAnyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: loneSurrogateOrAnyUnit }),
  fc.array(fc.oneof(trickyFragment, fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join('')),
);
// Without a valid envelopeId and action almost every random delivery fails, leaving the success checks unexercised.
const validCore = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9._-]{1,128}$/), fc.constantFrom('envelopeId', 'ENVELOPEID', 'envelopeid'))
  .map(([envelopeId, name]) => `${name}=${envelopeId}&action=workstepOpened`);
const queryLike = fc.oneof(
  anyText,
  fc.tuple(validCore, anyText).map(([core, noise]) => `${core}&${noise}`),
  fc
    .array(fc.tuple(fc.oneof(trickyFragment, fc.string()), fc.oneof(trickyFragment, fc.string())), { maxLength: 12 })
    .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&')),
);

const fieldName = fc.oneof(trickyFragment, fc.string({ unit: 'binary', maxLength: 12 }));
const jsonFields = fc.dictionary(fieldName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 12 });
const jsonBody = fc.oneof(
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  jsonFields.map((fields) => JSON.stringify(fields)),
  fc
    .tuple(fc.constantFrom('Data', 'data', 'DATA'), jsonFields, jsonFields)
    .map(([dataKey, data, context]) => JSON.stringify({ ...context, [dataKey]: data })),
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9._-]{1,128}$/), jsonFields)
    .map(([envelopeId, data]) => JSON.stringify({ Data: { ...data, envelopeId, action: 'workstepOpened' } })),
);
const anyBody = fc.oneof(fc.constant(null), anyText, queryLike, jsonBody);

const anyContentType = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    '',
    'application/json',
    'APPLICATION/JSON; charset=utf-8',
    'application/vnd.api+json',
    'application/x-www-form-urlencoded',
    'text/plain',
    'text/plain;charset=latin1',
    'multipart/form-data; boundary=x',
    'application/xml',
    ';',
    '+json',
    'json',
  ),
  anyText,
);
const anyMethod = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'get', 'post', 'HEAD', 'DELETE'), fc.string());

const anyDelivery: fc.Arbitrary<RawDelivery> = fc.record({
  method: anyMethod,
  query: queryLike,
  body: anyBody,
  contentType: anyContentType,
});

describe('parseNotification properties', () => {
  it('never throws, and returns either a valid notification or a well-formed failure', () => {
    fc.assert(
      fc.property(anyDelivery, (raw) => {
        let result: ParseResult | undefined;
        expect(() => (result = parseNotification(raw))).not.toThrow();
        expectWellFormedResult(result!);
      }),
      { numRuns: RUNS },
    );
  });

  it('holds the same for JSON bodies in particular', () => {
    fc.assert(
      fc.property(jsonBody, queryLike, fc.constantFrom('application/json', null, 'text/plain'), (body, query, type) => {
        expectWellFormedResult(parseNotification({ method: 'POST', query, body, contentType: type }));
      }),
      { numRuns: RUNS },
    );
  });

  describe('round trip', () => {
    // Values the parser keeps unchanged: already trimmed, not empty, no NUL (stored as U+FFFD).
    const keptText = (maxLength: number) =>
      fc
        .string({ unit: 'binary', minLength: 1, maxLength })
        .filter((text) => text.trim() === text && text !== '' && !text.includes('\u0000'));
    const customKey = keptText(30).filter((key) => !RECOGNISED_NAMES.includes(asciiLowerCase(key)));
    const parts = fc.record({
      envelopeId: fc.stringMatching(/^[A-Za-z0-9._-]{1,128}$/).filter((id) => !/^\.+$/.test(id)),
      action: fc.oneof(fc.constantFrom(...SIGNING_SERVICE_ACTIONS), fc.stringMatching(/^[A-Za-z0-9._-]{1,100}$/)),
      recipientEmail: fc.option(keptText(320).filter((email) => !/##[^#]*##/.test(email))),
      recipientOrder: fc.option(fc.nat({ max: 10_000 })),
      finishFlag: fc.option(fc.constantFrom('1', 'true', 'TRUE', '0', 'false')),
      customValues: fc.uniqueArray(fc.tuple(customKey, keptText(60)), {
        maxLength: 10,
        selector: ([key]) => key,
      }),
    });
    type Parts = typeof parts extends fc.Arbitrary<infer T> ? T : never;

    function fieldsOf(generated: Parts): Array<[string, string | number]> {
      const fields: Array<[string, string | number]> = [
        ['envelopeId', generated.envelopeId],
        ['action', generated.action],
        ...generated.customValues,
      ];
      if (generated.recipientEmail !== null) fields.push(['recipientEmail', generated.recipientEmail]);
      if (generated.recipientOrder !== null) fields.push(['recipientOrder', generated.recipientOrder]);
      if (generated.finishFlag !== null) fields.push(['FTOSIsFinishCallback', generated.finishFlag]);
      return fields;
    }

    // Serialised by hand so that a generated __proto__ key stays an ordinary member.
    const jsonObjectOf = (fields: Array<[string, string | number]>) =>
      `{${fields.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;

    function expectedNotification(generated: Parts): Notification {
      const flag = generated.finishFlag?.toLowerCase();
      return {
        envelopeId: generated.envelopeId,
        action: generated.action,
        recipientEmail: generated.recipientEmail,
        recipientOrder: generated.recipientOrder,
        isFinishCallback: flag === '1' || flag === 'true' || generated.action === 'envelopeFinished',
        customValues: Object.fromEntries(generated.customValues),
        details: null,
        notices: [],
      };
    }

    it('reads the same notification from a GET query, a form, flat JSON and FintechOS Data', () => {
      fc.assert(
        fc.property(parts, (generated) => {
          const fields = fieldsOf(generated);
          const form = new URLSearchParams(fields.map(([key, value]) => [key, String(value)])).toString();
          const deliveries: RawDelivery[] = [
            { method: 'GET', query: form, body: null, contentType: null },
            { method: 'POST', query: '', body: form, contentType: 'application/x-www-form-urlencoded' },
            { method: 'POST', query: '', body: jsonObjectOf(fields), contentType: 'application/json' },
            {
              method: 'POST',
              query: '',
              body: `{"UserId":"u","PropertyBag":{},"envelopeId":"other","Data":${jsonObjectOf(fields)}}`,
              contentType: 'application/json; charset=utf-8',
            },
          ];
          const expected = { ok: true, notification: expectedNotification(generated) };
          for (const raw of deliveries) expect(parseNotification(raw)).toEqual(expected);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
