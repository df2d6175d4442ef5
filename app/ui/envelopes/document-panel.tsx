'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { EnvelopeDetail, EnvelopeDocument } from '@/app/lib/envelopes/envelope-detail-schema';
import { formatBytes } from '@/app/lib/format/byte-size';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { BlockedControl } from '@/app/ui/auth/blocked-control';
import { roleBlockedReason } from '@/app/ui/auth/roles-shown';
import { countLabel } from '@/app/lib/format/count-label';
import { documentNotice, type DocumentNotice, type DocumentNoticeTone } from './document-summary';
import { ExactTime } from './time-stamps';

const NOTICE_STYLES: Record<Exclude<DocumentNoticeTone, 'quiet'>, string> = {
  muted: 'border-slate-200 bg-slate-50 text-slate-700',
  busy: 'border-sky-200 bg-sky-50 text-sky-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  problem: 'border-red-200 bg-red-50 text-red-900',
};

const ACTION_LINK =
  'inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium shadow-sm focus-visible:outline-offset-2';

type DocumentPanelProps = {
  envelope: Pick<EnvelopeDetail, 'id' | 'status' | 'documents' | 'documentStatus'>;
  /** Asks for the envelope again, so the panel shows the fetch the retry started. */
  onRetried: () => Promise<unknown>;
  /** Whether the visitor's role may retry the fetch (operator). */
  mayOperate: boolean;
  /** Whether the visitor may open Setup (admin): others get no link that would only be refused. */
  mayConfigure: boolean;
};

/** The signed PDFs and the audit trail once stored; until then, where the fetch stands and what to do about it. */
export function DocumentPanel({ envelope, onRetried, mayOperate, mayConfigure }: DocumentPanelProps) {
  const { documents, documentStatus } = envelope;
  const notice = documentNotice({
    envelopeStatus: envelope.status,
    documentStatus,
    documentCount: documents.length,
  });
  const signedCount = documents.filter((document) => document.kind === 'signed').length;
  return (
    <div className="space-y-4">
      {documents.length > 0 ? (
        <ul className="divide-y divide-slate-100" aria-label="Stored documents">
          {documents.map((document) => (
            <DocumentItem key={document.id} document={document} nameInLabel={signedCount > 1} />
          ))}
        </ul>
      ) : null}
      {notice ? (
        <Notice
          envelopeId={envelope.id}
          notice={notice}
          onRetried={onRetried}
          blockedReason={roleBlockedReason(mayOperate, 'Retrying the fetch')}
          setupLink={mayConfigure}
        />
      ) : null}
    </div>
  );
}

function DocumentItem({ document, nameInLabel }: { document: EnvelopeDocument; nameInLabel: boolean }) {
  const action = document.kind === 'signed' ? 'Download signed PDF' : 'Download audit trail';
  const facts = [
    document.pageCount !== null ? countLabel(document.pageCount, 'page') : null,
    formatBytes(document.byteSize),
  ].filter(Boolean);
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <p className="break-all text-sm font-medium text-slate-900">{document.fileName}</p>
      <p className="mt-0.5 text-xs text-slate-600">
        {document.kind === 'signed' ? 'Signed document' : 'Audit trail'} · {facts.join(' · ')} · fetched{' '}
        <ExactTime iso={document.fetchedAt} />
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {/* Several signed PDFs would give several identical link names; the file name tells them apart. */}
        <a
          href={document.downloadUrl}
          download={document.fileName}
          aria-label={nameInLabel ? `${action} ${document.fileName}` : undefined}
          className={`${ACTION_LINK} bg-brand-600 text-white hover:bg-brand-700`}
        >
          {action}
        </a>
        <a
          href={document.viewUrl}
          target="_blank"
          rel="noopener"
          aria-label={`View ${document.fileName} (opens in a new tab)`}
          className={`${ACTION_LINK} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50`}
        >
          View
        </a>
      </div>
      <p className="mt-1 break-all font-mono text-[0.6875rem] text-slate-500" title="SHA-256 of the stored file">
        SHA-256 {document.sha256}
      </p>
    </li>
  );
}

function Notice({
  envelopeId,
  notice,
  onRetried,
  blockedReason,
  setupLink,
}: {
  envelopeId: string;
  notice: DocumentNotice;
  onRetried: () => Promise<unknown>;
  blockedReason: string | null;
  setupLink: boolean;
}) {
  if (notice.tone === 'quiet') {
    return (
      <p className="text-sm text-slate-600" data-testid="document-notice">
        {notice.title}{' '}
        {notice.linksToSetup && setupLink ? (
          <Link href="/setup#signing-provider-heading" className="font-medium text-brand-700 hover:underline">
            Setup explains why
          </Link>
        ) : null}
      </p>
    );
  }
  return (
    <div
      className={`rounded-md border px-3 py-2.5 text-sm ${NOTICE_STYLES[notice.tone]}`}
      data-testid="document-notice"
    >
      <p className="font-medium">{notice.title}</p>
      {notice.detail ? <p className="mt-1 break-words">{notice.detail}</p> : null}
      {notice.time ? (
        <p className="mt-1 text-xs">
          {notice.time.prefix} <ExactTime iso={notice.time.iso} />
        </p>
      ) : null}
      {notice.linksToSetup ? (
        <p className="mt-2">
          {setupLink ? (
            <Link href="/setup" className="font-medium underline underline-offset-2 hover:no-underline">
              Configure the signing service on the Setup page
            </Link>
          ) : (
            'An administrator configures the signing service on the Setup page.'
          )}
        </p>
      ) : null}
      {notice.canRetry ? (
        <RetryButton envelopeId={envelopeId} onRetried={onRetried} blockedReason={blockedReason} />
      ) : null}
    </div>
  );
}

type RetryState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; message: string; failed: boolean };

/** Starts the fetch now instead of at the next scheduled attempt; disabled, saying why, for a viewer. */
function RetryButton({
  envelopeId,
  onRetried,
  blockedReason,
}: {
  envelopeId: string;
  onRetried: () => Promise<unknown>;
  blockedReason: string | null;
}) {
  const [state, setState] = useState<RetryState>({ kind: 'idle' });

  async function retry() {
    setState({ kind: 'sending' });
    const result = await requestRetry(envelopeId);
    if (!result.failed) await onRetried().catch(() => undefined);
    setState({ kind: 'done', ...result });
  }

  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
      <BlockedControl reason={blockedReason}>
        <button
          type="button"
          onClick={retry}
          disabled={state.kind === 'sending' || blockedReason !== null}
          title={blockedReason ?? undefined}
          className={`rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60 ${blockedReason ? 'disabled:cursor-not-allowed' : 'disabled:cursor-wait'}`}
        >
          {state.kind === 'sending' ? 'Retrying…' : 'Retry now'}
        </button>
      </BlockedControl>
      <p role="status" className={`text-xs ${state.kind === 'done' && state.failed ? 'text-red-800' : ''}`}>
        {state.kind === 'done' ? state.message : null}
      </p>
      {/* Visible, not only on hover: a phone has no hover. */}
      {blockedReason ? <p className="text-xs">{blockedReason}</p> : null}
    </div>
  );
}

async function requestRetry(envelopeId: string): Promise<{ message: string; failed: boolean }> {
  try {
    await requestJson(`/api/envelopes/${encodeURIComponent(envelopeId)}/documents/retry`, { method: 'POST' });
    return { message: 'Retry started.', failed: false };
  } catch (failure) {
    return { message: describeFailure(failure, 'Retry failed'), failed: true };
  }
}
