import Link from 'next/link';

export function DeliveryEmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      {filtered ? (
        <>
          <p className="text-lg font-medium">No deliveries match</p>
          <p className="mt-1 text-sm text-slate-600">
            Try another hook or outcome, or{' '}
            <Link href="/deliveries" className="font-medium text-brand-700 underline underline-offset-2">
              show all deliveries
            </Link>
            .
          </p>
        </>
      ) : (
        <>
          <p className="text-lg font-medium">No deliveries yet</p>
          <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">
            Every request a sender makes to a hook URL is logged here, accepted or refused, as soon as it arrives.
          </p>
        </>
      )}
    </div>
  );
}
