export const dynamic = 'force-dynamic';

export default function HomePage() {
  return (
    <section aria-labelledby="envelopes-heading" className="space-y-4">
      <h1 id="envelopes-heading" className="text-2xl font-semibold tracking-tight">
        Envelopes
      </h1>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="text-lg font-medium">No envelopes yet</p>
        <p className="mt-1 text-sm text-slate-600">
          Envelopes appear here as soon as the signing service sends its first notification.
        </p>
      </div>
    </section>
  );
}
