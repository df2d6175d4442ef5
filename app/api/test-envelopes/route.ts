import { NextResponse } from 'next/server';
import { deleteTestEnvelopes } from '@/app/lib/envelopes/delete-test-envelopes';

export const dynamic = 'force-dynamic';

/** DELETE /api/test-envelopes: removes the envelopes Setup's test notifications made; answers how many. */
export async function DELETE() {
  return NextResponse.json(await deleteTestEnvelopes());
}
