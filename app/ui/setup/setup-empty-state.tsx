export function SetupEmptyState() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-lg font-medium">No hooks yet</p>
      <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">
        A hook is a receiving address for the signing service: its id is the secret part of the URL, and every
        notification sent to it becomes part of an envelope&apos;s history.{' '}
        <a href="#hook-name" className="font-medium text-brand-700 underline underline-offset-2">
          Create one above
        </a>{' '}
        to get the WebhookUrl and WebhookStatusUrl for your sign request.
      </p>
    </div>
  );
}
