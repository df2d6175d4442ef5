import type { NextResponse } from 'next/server';
import type { z } from 'zod';
import { errorResponse } from './error-response';

export type BodyParseResult<T> = { ok: true; value: T } | { ok: false; response: NextResponse };

export type JsonBodyOptions = {
  /** The `code` of the 400 answer, e.g. "invalid_hook". */
  code?: string;
  /**
   * What a whole valid body looks like, e.g. `Send {"name": "..."}.`; added when the body as a whole is wrong (empty,
   * not JSON, not the right kind of value), where a field name would not help.
   */
  example?: string;
  /** What an empty body stands for (e.g. `{}`); without it, an empty body is refused like any other non-JSON body. */
  emptyBody?: unknown;
};

/**
 * Reads a request's JSON body and validates it with a zod schema. Whatever is wrong is answered with a 400 in the
 * API's one error shape, with a message that says what to fix: a sentence a schema wrote for people ("Give the hook a
 * name.") as it is, anything terser after the field it is about ("rateLimitPerSecond: Too big: …"). The content type
 * is not checked: a JSON body counts whatever the client called it.
 */
export async function parseJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: JsonBodyOptions = {},
): Promise<BodyParseResult<z.output<T>>> {
  const code = options.code ?? 'invalid_body';
  const refuse = (message: string) => ({ ok: false as const, response: errorResponse(400, code, message) });
  const notAnObject = (problem: string) => refuse(`${problem} ${options.example ?? 'Send a JSON object.'}`);

  const text = await request.text().catch(() => null);
  if (text === null) return notAnObject('The request body could not be read.');
  let json: unknown;
  if (text.trim() === '') {
    if (options.emptyBody === undefined) return notAnObject('The request body is empty.');
    json = options.emptyBody;
  } else {
    try {
      json = JSON.parse(text);
    } catch {
      return notAnObject('The request body is not valid JSON.');
    }
  }

  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const problem = issue ? describeIssue(issue) : 'body: invalid';
  // A field's own message says what to fix in that field; the example is for a body that is wrong as a whole.
  const wholeBody = !issue || issue.path.length === 0;
  return refuse(wholeBody && options.example ? `${asSentence(problem)} ${options.example}` : problem);
}

/** A sentence (capital first, full stop last) was written for people; anything else needs the field's name. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (/^[A-Z][\s\S]*\.$/.test(issue.message)) return issue.message;
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
