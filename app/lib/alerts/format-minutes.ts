/** "90 minutes", "3 hours", "3 days", "1 day 6 hours": how long a rule waits, as people say it. */
export function formatMinutes(minutes: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (minutes < 120 && minutes % 60 !== 0) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (minutes % 60 !== 0) return `${plural(hours, 'hour')} ${plural(minutes % 60, 'minute')}`;
  if (hours < 48 && hours % 24 !== 0) return plural(hours, 'hour');
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(hours % 24, 'hour')}`;
}
