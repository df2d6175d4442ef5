import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** Liveness: answers without touching the database (also the benchmark's do-nothing baseline). */
export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
