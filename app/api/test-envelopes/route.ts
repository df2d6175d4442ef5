import { NextResponse } from 'next/server';
import { deleteTestEnvelopes } from '@/app/lib/envelopes/delete-test-envelopes';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** DELETE /api/test-envelopes: removes the envelopes Setup's test notifications made; answers how many. */
export async function DELETE(request: Request) {
  const result = await deleteTestEnvelopes();
  await recordAuditEntry({ request, action: 'test_envelopes.delete', detail: { ...result } });
  return NextResponse.json(result);
}
