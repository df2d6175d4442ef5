import { NextResponse } from 'next/server';
import { getHealth } from '@/app/lib/health/get-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await getHealth();
  return NextResponse.json(health.body, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
