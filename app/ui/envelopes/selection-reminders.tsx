'use client';

import { z } from 'zod';
import { useState } from 'react';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { BlockedControl } from '@/app/ui/auth/blocked-control';
import { shortId } from '@/app/ui/format/short-id';
import { describeSelectionReminders } from './selection-reminder-summary';

const count = z.number().int();
const remindersAnswerSchema = z.object({
  items: z.array(
    z.union([
      z.object({ envelopeId: z.string(), ok: z.literal(true) }),
      z.object({ envelopeId: z.string(), ok: z.literal(false), message: z.string() }),
    ]),
  ),
  totals: z.object({
    reminded: count,
    skippedRateLimit: count,
    skippedDisabledEmail: count,
    envelopesReminded: count,
    envelopesRefused: count,
  }),
});

type Outcome = { message: string; failed: boolean; refusals: { envelopeId: string; message: string }[] };

/**
 * The bar over the list while envelopes are selected: how many, "Send reminders" for them, select every open one of
 * the page, clear. What the reminders did stays shown (with each refusal's reason) until the next action.
 */
export function SelectionReminders(props: {
  selectedIds: string[];
  openIds: string[];
  /** The name shown for an envelope, for the refusals. */
  nameOf: (envelopeId: string) => string;
  onSelectAll: () => void;
  onClear: () => void;
  /** Why the visitor may not send reminders (their role), or null. */
  blockedReason: string | null;
}) {
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const selected = props.selectedIds.length;
  if (selected === 0 && !outcome) return null;

  async function send() {
    setSending(true);
    setOutcome(null);
    try {
      const answer = await requestJson('/api/reminders', {
        method: 'POST',
        body: { envelopeIds: props.selectedIds },
        schema: remindersAnswerSchema,
      });
      const refusals = answer.items.flatMap((item) =>
        item.ok ? [] : [{ envelopeId: item.envelopeId, message: item.message }],
      );
      setOutcome({ message: describeSelectionReminders(answer.totals), failed: false, refusals });
      props.onClear();
    } catch (failure) {
      setOutcome({ message: describeFailure(failure, 'The reminders were not sent'), failed: true, refusals: [] });
    } finally {
      setSending(false);
    }
  }

  return (
    <section
      aria-label="Selected envelopes"
      className="flex flex-col gap-2 rounded-lg border border-brand-600/20 bg-brand-50 px-4 py-3 text-sm"
    >
      {selected > 0 ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <p className="font-medium text-slate-800" data-testid="selection-count">
            {selected} {selected === 1 ? 'envelope' : 'envelopes'} selected
          </p>
          <BlockedControl reason={props.blockedReason}>
            <button
              type="button"
              onClick={send}
              disabled={sending || props.blockedReason !== null}
              title={props.blockedReason ?? undefined}
              className={`rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 ${props.blockedReason ? 'disabled:cursor-not-allowed disabled:hover:bg-brand-600' : 'disabled:cursor-wait'}`}
            >
              {sending ? 'Sending reminders…' : 'Send reminders'}
            </button>
          </BlockedControl>
          {selected < props.openIds.length ? (
            <button
              type="button"
              onClick={props.onSelectAll}
              className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600"
            >
              Select all {props.openIds.length} open on this page
            </button>
          ) : null}
          <button
            type="button"
            onClick={props.onClear}
            className="font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900"
          >
            Clear selection
          </button>
        </div>
      ) : null}
      {/* Visible, not only on hover: a phone has no hover. */}
      {selected > 0 && props.blockedReason ? <p className="text-xs text-slate-700">{props.blockedReason}</p> : null}
      <div role="status" data-testid="selection-reminder-status" className="min-w-0">
        {outcome ? (
          <>
            <p className={`break-words ${outcome.failed ? 'text-red-800' : 'text-slate-800'}`}>{outcome.message}</p>
            {outcome.refusals.length > 0 ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-700">
                {outcome.refusals.map((refusal) => (
                  <li key={refusal.envelopeId} className="[overflow-wrap:anywhere]">
                    <span className="font-medium" title={refusal.envelopeId}>
                      {props.nameOf(refusal.envelopeId) || shortId(refusal.envelopeId)}
                    </span>
                    : {refusal.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
