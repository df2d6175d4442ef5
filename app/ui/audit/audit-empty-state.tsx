import { EmptyState, NoMatchesState } from '@/app/ui/empty-state';

export function AuditEmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) return <NoMatchesState items="entries" filters="action, actor, target or days" resetHref="/audit" />;
  return (
    <EmptyState title="Nothing recorded yet">
      Sign-ins, downloads, exports, replays, reminders and changes to hooks, subscriptions, alerts, users and tokens are
      listed here as soon as someone makes them.
    </EmptyState>
  );
}
