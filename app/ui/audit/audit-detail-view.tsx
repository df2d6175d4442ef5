import { CodeBlock } from '@/app/ui/raw-disclosure';
import { summarizeDetail } from './audit-detail';

/** The entry's detail on one line; when that had to be cut, the exact JSON opens in its place. */
export function AuditDetailView({ detail }: { detail: unknown }) {
  const summary = summarizeDetail(detail);
  if (!summary) return null;
  if (!summary.cut) {
    return <p className="text-xs text-slate-600 [overflow-wrap:anywhere]">{summary.line}</p>;
  }
  return (
    <details className="group text-xs text-slate-600">
      <summary className="w-fit cursor-pointer [overflow-wrap:anywhere] marker:text-brand-700">
        <span className="group-open:hidden">{summary.line} </span>
        <span className="font-medium whitespace-nowrap text-brand-700 group-open:hidden">Show all</span>
        <span className="hidden font-medium text-brand-700 group-open:inline">Hide the detail</span>
      </summary>
      <CodeBlock className="max-h-64 whitespace-pre-wrap break-all">{summary.full}</CodeBlock>
    </details>
  );
}
