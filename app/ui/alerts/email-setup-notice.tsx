/** Said at the top of the Alerts page while e-mail cannot be sent: which variables to set, and what happens meanwhile. */
export function EmailSetupNotice({ missing }: { missing: string[] }) {
  if (missing.length === 0) return null;
  return (
    <div
      role="note"
      data-testid="email-setup-notice"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950"
    >
      <p className="font-medium">
        E-mail alerts cannot be sent: {missing.join(' and ')} {missing.length === 1 ? 'is' : 'are'} not set.
      </p>
      <p className="mt-1">
        Set SMTP_URL (e.g. smtp://user:password@mail.example.com:587) and ALERT_EMAIL_FROM (e.g. Envelope tracker
        &lt;alerts@example.com&gt;) in the environment, then restart the app. Until then e-mail messages wait and are
        tried again; Slack, Teams and webhook channels work meanwhile.
      </p>
    </div>
  );
}
