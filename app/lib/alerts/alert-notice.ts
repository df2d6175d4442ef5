import type { AlertKind } from './alert-kinds';

/** One raised alert as a message tells it: everything a channel needs, already in words. */
export type AlertNotice = {
  /** The alert delivery this notice is sent for (stable across retries: the webhook-id derives from it). */
  deliveryId: number;
  /** The occasion raised (one per rule and occasion, shared by its channels). */
  alertId: number;
  ruleId: string;
  /** What the rule watches for, in words: "An open envelope has had no activity for 3 days". */
  ruleDescription: string;
  kind: AlertKind;
  /** Short title of the kind, e.g. "Rejected", "Waiting for a signature". */
  title: string;
  /** One line that says it all, e.g. "Rejected: Loan agreement 42 (env-123), Jane Doe declined". */
  summary: string;
  /** Further lines worth reading, e.g. "Waiting on jane@example.com since 28 Nov 2026, 09:12 UTC". */
  details: string[];
  envelope: { id: string; name: string | null; status: string; url: string } | null;
  hookName: string | null;
  raisedAt: Date;
  /** Raised for one of Setup's test envelopes. */
  test: boolean;
};

/** A channel's daily summary. */
export type DigestNotice = {
  deliveryId: number;
  channelName: string;
  /** The local day summarized, YYYY-MM-DD in `timeZone`. */
  date: string;
  timeZone: string;
  sections: DigestSection[];
  dashboardUrl: string;
};

export type DigestSection = {
  /** E.g. "Waiting for signatures", "Ended badly yesterday", "Expiring within 3 days". */
  title: string;
  items: { summary: string; url: string }[];
  /** How many more there are beyond the listed items. */
  more: number;
};

/** What a channel made of one message. */
export type ChannelSendOutcome = {
  ok: boolean;
  durationMs: number;
  /** For people, when not ok: "HTTP 500", "SMTP 451 try again later", "no answer within 10 s", … */
  error: string | null;
};
