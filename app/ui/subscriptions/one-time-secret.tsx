'use client';

import { OneTimeValue } from '@/app/ui/auth/one-time-value';

/**
 * A signing key the API gives out once: shown with a copy button until the reader says it is saved, with how a
 * receiver checks it.
 */
export function OneTimeSecret({
  title,
  secret,
  note,
  onDismiss,
}: {
  title: React.ReactNode;
  secret: string;
  /** What else the reader needs to know about this key, e.g. how long the previous one keeps signing. */
  note?: React.ReactNode;
  onDismiss: () => void;
}) {
  return (
    <OneTimeValue
      title={title}
      label="Signing key"
      value={secret}
      hint="Copy it now: it will not be shown again."
      testId="one-time-secret"
      dismissLabel="I have saved the key"
      onDismiss={onDismiss}
      note={
        <>
          {note ? <p className="mb-2">{note}</p> : null}
          <p>
            Verify each request in Node with the <code className="font-mono">standardwebhooks</code> package, on the raw
            body as received:{' '}
            <code className="break-words rounded bg-white/70 px-1 font-mono">
              new Webhook(secret).verify(body, headers)
            </code>{' '}
            throws when the signature or its timestamp is wrong.
          </p>
        </>
      }
    />
  );
}
