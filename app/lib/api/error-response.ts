import { NextResponse } from 'next/server';

/** The API's one error shape: `{ "error": { "code", "message" } }`. */
export function errorResponse(status: number, code: string, message: string, headers?: HeadersInit) {
  return NextResponse.json(
    { error: { code, message } },
    { status, headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}
