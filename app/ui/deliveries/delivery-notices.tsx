import { EmptyState, NoMatchesState } from '@/app/ui/empty-state';

export function DeliveryEmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) return <NoMatchesState items="deliveries" filters="hook or outcome" resetHref="/deliveries" />;
  return (
    <EmptyState title="No deliveries yet">
      Every request a sender makes to a hook URL is logged here, accepted or refused, as soon as it arrives.
    </EmptyState>
  );
}
