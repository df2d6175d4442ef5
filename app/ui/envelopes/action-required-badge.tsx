// Solid rather than tinted: this is the one badge that asks the reader to do something.
export function ActionRequiredBadge() {
  return (
    <span
      className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-orange-700 px-2 py-0.5 text-xs font-semibold text-white"
      title="A delegation waits for the sender to act"
    >
      <span aria-hidden>!</span>
      Action required
    </span>
  );
}
