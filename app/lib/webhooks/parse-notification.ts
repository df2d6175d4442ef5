/**
 * Reads one e-signature status notification (FintechOS / Namirial eSignAnyWhere) out of an HTTP delivery.
 *
 * eSignAnyWhere calls with a GET and puts everything in the query string; FintechOS documents a POST whose JSON body
 * carries the same values under `Data`; other senders post flat JSON or a form. All of them are accepted, and every
 * refusal is a returned value whose message tells the sender's administrator what to change.
 */

export type RawDelivery = {
  method: string;
  query: string;
  body: string | null;
  contentType: string | null;
};

export type Notification = {
  envelopeId: string;
  action: string;
  recipientEmail: string | null;
  recipientOrder: number | null;
  isFinishCallback: boolean;
  customValues: Record<string, string>;
};

export type ParseFailure = { ok: false; status: 400 | 415; code: string; message: string };
export type ParseResult = { ok: true; notification: Notification } | ParseFailure;

const RECOGNISED_FIELDS = ['envelopeId', 'action', 'recipientEmail', 'recipientOrder', 'FTOSIsFinishCallback'] as const;
type RecognisedField = (typeof RECOGNISED_FIELDS)[number];

const MAX_ENVELOPE_ID_LENGTH = 128;
const MAX_ACTION_LENGTH = 100;
const MAX_RECIPIENT_EMAIL_LENGTH = 320;
const MAX_CUSTOM_FIELDS = 50;
const MAX_CUSTOM_KEY_LENGTH = 100;
const MAX_CUSTOM_VALUE_LENGTH = 2000;
const MAX_ECHOED_INPUT_LENGTH = 40;

const ENVELOPE_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
const ACTION_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const PLACEHOLDER_PATTERN = /##[^#]*##/;
const ACCEPTED_MEDIA_TYPES =
  'application/json (or any type ending in +json), application/x-www-form-urlencoded or text/plain';
const EXPECTED_JSON_SHAPE =
  'Send a JSON object of notification fields, either flat ({"envelopeId": "…", "action": "…"}) ' +
  'or under "Data" as FintechOS does ({"Data": {"envelopeId": "…", "action": "…"}}).';

type FieldEntry = [key: string, value: string];

type CollectedFields = {
  recognised: Map<RecognisedField, string>;
  // A Map rather than an object so that keys such as __proto__ stay plain data.
  custom: Map<string, string>;
};

export function parseNotification(raw: RawDelivery): ParseResult {
  try {
    return parseDelivery(raw);
  } catch {
    // Only reachable when a caller bypasses the types (e.g. passes undefined); a webhook endpoint must answer anyway.
    return failure(
      400,
      'unreadable_notification',
      'The notification could not be read. Send a GET with the fields in the query string, or a POST with a JSON or form body.',
    );
  }
}

function parseDelivery(raw: RawDelivery): ParseResult {
  const bodyFields = readBodyFields(raw);
  if (!Array.isArray(bodyFields)) return bodyFields;

  const fields: CollectedFields = { recognised: new Map(), custom: new Map() };
  // Body fields are collected last so that they win over query fields of the same name.
  collectFields(new URLSearchParams(raw.query), fields);
  collectFields(bodyFields, fields);

  return (
    validateRecognisedFields(fields.recognised) ?? validateCustomValues(fields.custom) ?? buildNotification(fields)
  );
}

function readBodyFields(raw: RawDelivery): FieldEntry[] | ParseFailure {
  const method = raw.method.toUpperCase();
  // A GET or HEAD body has no defined meaning in HTTP, so eSignAnyWhere's GET callbacks are read from the query only.
  if (raw.body === null || method === 'GET' || method === 'HEAD') return [];
  // trim() also drops a leading byte-order mark, which JSON.parse would otherwise refuse.
  const body = raw.body.trim();
  // An empty body says nothing, whatever Content-Type a client library attached to it.
  if (body === '') return [];

  const mediaType = (raw.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  switch (bodyFormatOf(mediaType, body)) {
    case 'json':
      return readJsonFields(body);
    case 'form':
      return [...new URLSearchParams(body)];
    case 'unsupported':
      return failure(
        415,
        'unsupported_media_type',
        `The content type ${quoteInput(mediaType)} is not supported. Send the notification body as ` +
          `${ACCEPTED_MEDIA_TYPES}, or send a GET with every field in the query string.`,
      );
  }
}

function bodyFormatOf(mediaType: string, body: string): 'json' | 'form' | 'unsupported' {
  if (mediaType === 'application/json' || /^[^/\s]+\/[^/\s]+\+json$/.test(mediaType)) return 'json';
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  if (mediaType === '' || mediaType === 'text/plain') {
    return body.startsWith('{') || body.startsWith('[') ? 'json' : 'form';
  }
  return 'unsupported';
}

function readJsonFields(body: string): FieldEntry[] | ParseFailure {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // The parser's own message quotes the body, which may be long or sensitive, so it is not passed on.
    return failure(400, 'malformed_json', `The request body is not valid JSON. ${EXPECTED_JSON_SHAPE}`);
  }
  if (!isJsonObject(parsed)) {
    return failure(
      400,
      'malformed_json',
      `The JSON body is ${describeJsonKind(parsed)}, not an object. ${EXPECTED_JSON_SHAPE}`,
    );
  }

  // FintechOS posts its whole automation context; only Data holds the callback's fields, the rest is its own state.
  const dataObject = Object.entries(parsed)
    .filter(([key, value]) => asciiLowerCase(key.trim()) === 'data' && isJsonObject(value))
    .map(([, value]) => value as Record<string, unknown>)
    .at(-1);
  return jsonFieldEntries(dataObject ?? parsed);
}

function jsonFieldEntries(object: Record<string, unknown>): FieldEntry[] | ParseFailure {
  const entries: FieldEntry[] = [];
  for (const [key, value] of Object.entries(object)) {
    // A nameless field cannot be used, so its value is not even looked at.
    if (value === null || key.trim() === '') continue;
    if (typeof value === 'string') {
      entries.push([key, value]);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      entries.push([key, String(value)]);
    } else {
      const recognised = recognisedFieldNamed(key);
      if (recognised) {
        return failure(
          400,
          'invalid_field',
          `The field ${recognised} is a JSON ${Array.isArray(value) ? 'array' : 'object'}; ` +
            'it must be a single value (a string, or a number for recipientOrder).',
        );
      }
      const serialised = serialiseNestedValue(value);
      if (serialised === null) return customValueTooLong(key, null);
      entries.push([key, serialised]);
    }
  }
  return entries;
}

function serialiseNestedValue(value: unknown): string | null {
  try {
    return JSON.stringify(value);
  } catch {
    // Only nesting deep enough to exhaust the stack gets here, and that text would exceed the value limit anyway.
    return null;
  }
}

function collectFields(entries: Iterable<FieldEntry>, into: CollectedFields): void {
  for (const [rawKey, rawValue] of entries) {
    const key = storableText(rawKey).trim();
    const value = storableText(rawValue).trim();
    // Senders fill fields that do not apply with '' (FintechOS's recipientOrder), so '' must not erase a real value.
    if (key === '' || value === '') continue;
    const recognised = recognisedFieldNamed(key);
    if (recognised) into.recognised.set(recognised, value);
    else into.custom.set(key, value);
  }
}

function validateRecognisedFields(fields: Map<RecognisedField, string>): ParseFailure | null {
  for (const field of RECOGNISED_FIELDS) {
    const placeholder = fields.get(field)?.match(PLACEHOLDER_PATTERN)?.[0];
    if (placeholder !== undefined) {
      return failure(
        400,
        'unreplaced_placeholder',
        `The field ${field} holds the placeholder ${quoteInput(placeholder)}: the sender sent the callback URL ` +
          'template without replacing it. Check the WebhookUrl and WebhookStatusUrl of the sign request; the ' +
          'placeholders are spelled ##EnvelopeId##, ##Action##, ##RecipientEmail## and ##RecipientOrder##.',
      );
    }
  }

  const envelopeId = fields.get('envelopeId');
  if (envelopeId === undefined) {
    return failure(
      400,
      'missing_envelope_id',
      'The notification has no envelopeId. Add envelopeId=##EnvelopeId## to the WebhookUrl and WebhookStatusUrl ' +
        'of the sign request.',
    );
  }
  const action = fields.get('action');
  if (action === undefined) {
    return failure(
      400,
      'missing_action',
      'The notification has no action. Add action=##Action## to the WebhookUrl and WebhookStatusUrl of the sign request.',
    );
  }
  if (!ENVELOPE_ID_PATTERN.test(envelopeId)) {
    return failure(
      400,
      'invalid_envelope_id',
      `The envelopeId ${quoteInput(envelopeId)} is not valid: it must be 1 to ${MAX_ENVELOPE_ID_LENGTH} ` +
        'characters, only letters A-Z and a-z, digits, dot, underscore and hyphen ' +
        '(for example a GUID such as 7bfa100a-f52c-4915-b25d-210e6bb82f48).',
    );
  }
  if (!ACTION_PATTERN.test(action)) {
    return failure(
      400,
      'invalid_action',
      `The action ${quoteInput(action)} is not valid: it must be 1 to ${MAX_ACTION_LENGTH} characters, only ` +
        'letters A-Z and a-z, digits, dot, underscore and hyphen (for example workstepFinished).',
    );
  }

  const recipientEmail = fields.get('recipientEmail');
  if (recipientEmail !== undefined && characterCount(recipientEmail) > MAX_RECIPIENT_EMAIL_LENGTH) {
    return failure(
      400,
      'invalid_recipient_email',
      `The recipientEmail is ${characterCount(recipientEmail)} characters long; at most ` +
        `${MAX_RECIPIENT_EMAIL_LENGTH} are accepted. Send the recipient's email address, or leave it empty.`,
    );
  }
  const recipientOrder = fields.get('recipientOrder');
  if (recipientOrder !== undefined && parseRecipientOrder(recipientOrder) === null) {
    return failure(
      400,
      'invalid_recipient_order',
      `The recipientOrder ${quoteInput(recipientOrder)} is not valid: it must be a whole number of 0 or more ` +
        'written in digits (for example 2), or empty when it does not apply.',
    );
  }
  return null;
}

function validateCustomValues(custom: Map<string, string>): ParseFailure | null {
  if (custom.size > MAX_CUSTOM_FIELDS) {
    return failure(
      400,
      'too_many_fields',
      `The notification has ${custom.size} custom fields; at most ${MAX_CUSTOM_FIELDS} are accepted. Remove unused ` +
        'query parameters from the WebhookUrl and WebhookStatusUrl of the sign request.',
    );
  }
  for (const [key, value] of custom) {
    if (characterCount(key) > MAX_CUSTOM_KEY_LENGTH) {
      return failure(
        400,
        'field_too_long',
        `The custom field name ${quoteInput(key)} is ${characterCount(key)} characters long; at most ` +
          `${MAX_CUSTOM_KEY_LENGTH} are accepted. Use a shorter parameter name in the WebhookUrl and WebhookStatusUrl.`,
      );
    }
    if (characterCount(value) > MAX_CUSTOM_VALUE_LENGTH) return customValueTooLong(key, characterCount(value));
  }
  return null;
}

function customValueTooLong(key: string, length: number | null): ParseFailure {
  const size = length === null ? 'is too long' : `is ${length} characters long`;
  return failure(
    400,
    'field_too_long',
    `The value of the custom field ${quoteInput(key)} ${size}; at most ${MAX_CUSTOM_VALUE_LENGTH} characters are ` +
      'accepted. Send a shorter value, such as a reference instead of the data itself.',
  );
}

function buildNotification({ recognised, custom }: CollectedFields): ParseResult {
  // validateRecognisedFields has established that both are present and well-formed.
  const envelopeId = recognised.get('envelopeId') ?? '';
  const action = recognised.get('action') ?? '';
  const recipientOrder = recognised.get('recipientOrder');
  const finishFlag = asciiLowerCase(recognised.get('FTOSIsFinishCallback') ?? '');
  return {
    ok: true,
    notification: {
      envelopeId,
      action,
      recipientEmail: recognised.get('recipientEmail') ?? null,
      recipientOrder: recipientOrder === undefined ? null : parseRecipientOrder(recipientOrder),
      isFinishCallback: finishFlag === '1' || finishFlag === 'true' || action === 'envelopeFinished',
      // fromEntries defines own properties, so a __proto__ key is stored as data, not as the prototype.
      customValues: Object.fromEntries(custom),
    },
  };
}

function parseRecipientOrder(value: string): number | null {
  if (!/^[0-9]+$/.test(value)) return null;
  const order = Number(value);
  return Number.isSafeInteger(order) ? order : null;
}

const RECOGNISED_FIELD_BY_FOLDED_NAME = new Map<string, RecognisedField>(
  RECOGNISED_FIELDS.map((field) => [asciiLowerCase(field), field]),
);

/**
 * A lone UTF-16 surrogate (from a JSON escape such as \uD800) cannot be URL-encoded or stored as UTF-8, and
 * PostgreSQL text cannot hold NUL (%00, \u0000): each becomes U+FFFD, so such a notification is stored rather
 * than failing every retry.
 */
function storableText(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

function recognisedFieldNamed(key: string): RecognisedField | undefined {
  return RECOGNISED_FIELD_BY_FOLDED_NAME.get(asciiLowerCase(key.trim()));
}

// Unicode case folding would make e.g. "FTOSIsFinishCallbac\u212A" (Kelvin sign) a recognised name.
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

// Counted in code points so that limits mean what a person counting characters expects.
function characterCount(text: string): number {
  return Array.from(text).length;
}

/** Quotes sender input for a message: cut short, control characters and lone surrogates made harmless for logs. */
function quoteInput(input: string): string {
  const codePoints = Array.from(input.slice(0, MAX_ECHOED_INPUT_LENGTH * 2));
  const shortened = codePoints.slice(0, MAX_ECHOED_INPUT_LENGTH).join('');
  const ellipsis = characterCount(input) > MAX_ECHOED_INPUT_LENGTH ? '…' : '';
  const printable = shortened.toWellFormed().replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
  return `"${printable}${ellipsis}"`;
}

function failure(status: 400 | 415, code: string, message: string): ParseFailure {
  return { ok: false, status, code, message };
}
