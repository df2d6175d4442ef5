import {
  FINISH_CALLBACK_ACTION,
  SIGNING_SERVICE_ACTIONS,
  type SigningServiceAction,
} from '@/app/lib/envelopes/lifecycle/envelope-actions';
import { ENVELOPE_LIMITS } from '@/app/lib/envelopes/envelope-limits';
import { FIELD_LIMITS } from './notification-limits';

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
  /** The fields of a workstep event callback (ActivityActionCallbackConfiguration); null for other callbacks. */
  details: WorkstepEventDetails | null;
  /** What was dropped or read differently to accept the notification, for the delivery log. */
  notices: string[];
};

export type WorkstepEventDetails = {
  eventType: string;
  workstepId: string | null;
  source: string | null;
  /** The sender's own time of the event, as it sent it. */
  time: string | null;
  description: string | null;
};

export type ParseFailure = { ok: false; status: 400 | 415; code: string; message: string };
export type ParseResult = { ok: true; notification: Notification } | ParseFailure;

const RECOGNISED_FIELDS = [
  'envelopeId',
  'action',
  'recipientEmail',
  'recipientOrder',
  'FTOSIsFinishCallback',
  'EventType',
] as const;
type RecognisedField = (typeof RECOGNISED_FIELDS)[number];

// Namirial's own sample finish callback names the id `envelope`; some integrations write `envelope_id`. They are
// read only when `envelopeId` is absent, and otherwise stay the integrator's custom values.
const ENVELOPE_ID_ALIASES = ['envelope', 'envelope_id'];
// A workstep event callback's other fields. Common words such as Source or Time are an integrator's own parameters
// unless the notification is a workstep event (it carries EventType).
const WORKSTEP_DETAIL_FIELDS = {
  workstepid: 'workstepId',
  source: 'source',
  time: 'time',
  description: 'description',
} as const;

const MAX_ECHOED_INPUT_LENGTH = 40;

const ENVELOPE_ID_PATTERN = new RegExp(`^[A-Za-z0-9._-]{1,${FIELD_LIMITS.envelopeIdLength}}$`);
// "." and ".." would make /envelopes/<id> a different path, so such an envelope could never be opened.
const DOTS_ONLY = /^\.+$/;
const ACTION_PATTERN = new RegExp(`^[A-Za-z0-9._-]{1,${FIELD_LIMITS.actionLength}}$`);
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
  notices: string[];
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
  const notices: string[] = [];
  const bodyFields = readBodyFields(raw, notices);
  if (!Array.isArray(bodyFields)) return bodyFields;

  const fields: CollectedFields = { recognised: new Map(), custom: new Map(), notices };
  // Body fields are collected last so that they win over query fields of the same name.
  collectFields(new URLSearchParams(raw.query), fields);
  collectFields(bodyFields, fields);
  return buildNotification(fields);
}

function readBodyFields(raw: RawDelivery, notices: string[]): FieldEntry[] | ParseFailure {
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
      return readJsonFields(body, notices);
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

function readJsonFields(body: string, notices: string[]): FieldEntry[] | ParseFailure {
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
  return jsonFieldEntries(dataObject ?? parsed, notices);
}

function jsonFieldEntries(object: Record<string, unknown>, notices: string[]): FieldEntry[] | ParseFailure {
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
      if (serialised === null)
        notices.push(`The custom field ${quoteInput(key)} was dropped: its JSON value is nested too deeply.`);
      else entries.push([key, serialised]);
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

function buildNotification(fields: CollectedFields): ParseResult {
  const { recognised, custom, notices } = fields;
  const envelopeId = takeEnvelopeId(recognised, custom);
  if (typeof envelopeId !== 'string') return envelopeId;

  // A callback kind fills only its own placeholders; the others arrive as sent. With a usable envelope id the
  // notification is still taken (a refusal would only be retried), reading such a field as absent.
  for (const field of RECOGNISED_FIELDS) {
    const placeholder = recognised.get(field)?.match(PLACEHOLDER_PATTERN)?.[0];
    if (field === 'envelopeId' || placeholder === undefined) continue;
    recognised.delete(field);
    notices.push(`${field} held the unreplaced placeholder ${quoteInput(placeholder)} and was read as absent.`);
  }

  const action = recognised.get('action');
  if (action !== undefined && !ACTION_PATTERN.test(action)) return invalidAction('action', action);
  const eventType = recognised.get('EventType');
  if (eventType !== undefined && !ACTION_PATTERN.test(eventType)) return invalidAction('EventType', eventType);

  const recipientEmail = recognised.get('recipientEmail');
  if (recipientEmail !== undefined && characterCount(recipientEmail) > FIELD_LIMITS.recipientEmailLength) {
    return failure(
      400,
      'invalid_recipient_email',
      `The recipientEmail is ${characterCount(recipientEmail)} characters long; at most ` +
        `${FIELD_LIMITS.recipientEmailLength} are accepted. Send the recipient's email address, or leave it empty.`,
    );
  }
  const recipientOrderText = recognised.get('recipientOrder');
  const recipientOrder = recipientOrderText === undefined ? null : parseRecipientOrder(recipientOrderText);
  if (recipientOrderText !== undefined && recipientOrder === null) {
    return failure(
      400,
      'invalid_recipient_order',
      `The recipientOrder ${quoteInput(recipientOrderText)} is not valid: it must be a whole number from 0 to ` +
        `${FIELD_LIMITS.recipientOrderMax.toLocaleString('en')} written in digits (for example 2), or empty when ` +
        'it does not apply.',
    );
  }

  const details = eventType === undefined ? null : takeWorkstepDetails(eventType, custom, notices);
  const finishFlag = asciiLowerCase(recognised.get('FTOSIsFinishCallback') ?? '');
  // Without an action a notification is eSignAnyWhere's finish callback (CallbackUrl), which names none.
  const resolvedAction = action ?? (eventType !== undefined ? actionOfEventType(eventType) : FINISH_CALLBACK_ACTION);
  return {
    ok: true,
    notification: {
      envelopeId,
      action: resolvedAction,
      recipientEmail: recipientEmail ?? null,
      recipientOrder,
      isFinishCallback:
        finishFlag === '1' ||
        finishFlag === 'true' ||
        resolvedAction === ('envelopeFinished' satisfies SigningServiceAction) ||
        resolvedAction === FINISH_CALLBACK_ACTION,
      customValues: boundedCustomValues(custom, notices),
      details,
      notices,
    },
  };
}

/** The envelope id from envelopeId, else from one of its aliases; a failure when none is usable. */
function takeEnvelopeId(recognised: Map<RecognisedField, string>, custom: Map<string, string>): string | ParseFailure {
  let field = 'envelopeId';
  let envelopeId = recognised.get('envelopeId');
  if (envelopeId === undefined) {
    const alias = [...custom.keys()].findLast((key) => ENVELOPE_ID_ALIASES.includes(asciiLowerCase(key)));
    if (alias !== undefined) {
      field = alias;
      envelopeId = custom.get(alias)!;
      custom.delete(alias);
    }
  }
  if (envelopeId === undefined) {
    return failure(
      400,
      'missing_envelope_id',
      'The notification has no envelopeId. Add envelopeId=##EnvelopeId## to the WebhookUrl and WebhookStatusUrl ' +
        'of the sign request.',
    );
  }
  const placeholder = envelopeId.match(PLACEHOLDER_PATTERN)?.[0];
  if (placeholder !== undefined) {
    return failure(
      400,
      'unreplaced_placeholder',
      `The field ${field} holds the placeholder ${quoteInput(placeholder)}: the sender sent the callback URL ` +
        'template without replacing it. Check the WebhookUrl and WebhookStatusUrl of the sign request; the ' +
        'placeholders are spelled ##EnvelopeId##, ##Action##, ##RecipientEmail## and ##RecipientOrder##.',
    );
  }
  if (!ENVELOPE_ID_PATTERN.test(envelopeId) || DOTS_ONLY.test(envelopeId)) {
    return failure(
      400,
      'invalid_envelope_id',
      `The ${field} ${quoteInput(envelopeId)} is not valid: it must be 1 to ${FIELD_LIMITS.envelopeIdLength} ` +
        'characters, only letters A-Z and a-z, digits, dot, underscore and hyphen, and not only dots ' +
        '(for example a GUID such as 7bfa100a-f52c-4915-b25d-210e6bb82f48).',
    );
  }
  return envelopeId;
}

function invalidAction(field: 'action' | 'EventType', value: string): ParseFailure {
  return failure(
    400,
    'invalid_action',
    `The ${field} ${quoteInput(value)} is not valid: it must be 1 to ${FIELD_LIMITS.actionLength} characters, only ` +
      'letters A-Z and a-z, digits, dot, underscore and hyphen (for example workstepFinished).',
  );
}

/** A workstep event type that names a status-callback action (in any case) is that action; others stay as sent. */
function actionOfEventType(eventType: string): string {
  return SIGNING_SERVICE_ACTIONS.find((action) => asciiLowerCase(action) === asciiLowerCase(eventType)) ?? eventType;
}

function takeWorkstepDetails(eventType: string, custom: Map<string, string>, notices: string[]): WorkstepEventDetails {
  const details: WorkstepEventDetails = { eventType, workstepId: null, source: null, time: null, description: null };
  for (const [key, value] of [...custom]) {
    const field = WORKSTEP_DETAIL_FIELDS[asciiLowerCase(key) as keyof typeof WORKSTEP_DETAIL_FIELDS];
    if (field === undefined) continue;
    custom.delete(key);
    if (PLACEHOLDER_PATTERN.test(value)) continue;
    details[field] = cutToLength(value, FIELD_LIMITS.workstepDetailLength, key, notices);
  }
  return details;
}

/**
 * The custom values one notification may bring: the first 50 fields, names up to 100 characters, values cut to
 * 2,000. What an envelope keeps across notifications is bounded again when they are applied.
 */
function boundedCustomValues(custom: Map<string, string>, notices: string[]): Record<string, string> {
  const kept: [string, string][] = [];
  const longKeys: string[] = [];
  const beyondCount: string[] = [];
  for (const [key, value] of custom) {
    if (characterCount(key) > ENVELOPE_LIMITS.customValueKeyLength) longKeys.push(key);
    else if (kept.length >= ENVELOPE_LIMITS.customValueKeys) beyondCount.push(key);
    else kept.push([key, cutToLength(value, ENVELOPE_LIMITS.customValueLength, key, notices)]);
  }
  if (longKeys.length > 0) {
    notices.push(
      `${describeFields(longKeys)} dropped: custom field names are at most ${ENVELOPE_LIMITS.customValueKeyLength} characters.`,
    );
  }
  if (beyondCount.length > 0) {
    notices.push(
      `${describeFields(beyondCount)} dropped: a notification brings at most ${ENVELOPE_LIMITS.customValueKeys} custom fields.`,
    );
  }
  // fromEntries defines own properties, so a __proto__ key is stored as data, not as the prototype.
  return Object.fromEntries(kept);
}

function cutToLength(value: string, limit: number, key: string, notices: string[]): string {
  const characters = Array.from(value);
  if (characters.length <= limit) return value;
  notices.push(
    `The value of ${quoteInput(key)} was cut from ${characters.length.toLocaleString('en')} to ` +
      `${limit.toLocaleString('en')} characters.`,
  );
  return characters.slice(0, limit).join('');
}

/** "3 custom fields (\"a\", \"b\", \"c\") were" / "The custom field \"a\" was", naming at most five. */
export function describeFields(keys: string[]): string {
  const named = keys.slice(0, 5).map(quoteInput).join(', ');
  const more = keys.length > 5 ? ` and ${keys.length - 5} more` : '';
  return keys.length === 1 ? `The custom field ${named} was` : `${keys.length} custom fields (${named}${more}) were`;
}

function parseRecipientOrder(value: string): number | null {
  if (!/^[0-9]+$/.test(value)) return null;
  const order = Number(value);
  return order <= FIELD_LIMITS.recipientOrderMax ? order : null;
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
