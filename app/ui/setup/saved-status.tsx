/** "Saved" beside a setting's button once the change is stored and the page shows it. */
export function SavedStatus({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <span role="status" className="text-sm text-emerald-700">
      Saved
    </span>
  );
}
