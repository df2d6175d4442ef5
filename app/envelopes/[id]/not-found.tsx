import Link from 'next/link';

export default function EnvelopeNotFound() {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white px-6 py-10 text-center shadow-sm">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1 className="mt-1 text-xl font-semibold tracking-tight">Envelope not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        No notification for this envelope has reached the tracker. Check the id, or wait for the signing service to send
        its first notification.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
      >
        Back to all envelopes
      </Link>
    </section>
  );
}
