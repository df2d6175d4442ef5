import Link from 'next/link';
import { shortId } from '@/app/ui/format/short-id';

/** An envelope's short id, linking to its page; the full id on hover. */
export function EnvelopeLink({ id }: { id: string }) {
  return (
    <Link
      href={`/envelopes/${encodeURIComponent(id)}`}
      title={id}
      className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline"
    >
      {shortId(id)}
    </Link>
  );
}
