/**
 * Wraps a control that may be disabled for a reason (the visitor's role): the reason shows on hover of the wrapper,
 * as a disabled button gets no pointer events in some browsers. The control itself should carry it as its title too.
 */
export function BlockedControl({ reason, children }: { reason: string | null; children: React.ReactNode }) {
  if (!reason) return children;
  return (
    <span title={reason} className="inline-flex">
      {children}
    </span>
  );
}
