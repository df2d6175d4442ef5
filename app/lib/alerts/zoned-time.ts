/** The local calendar date and wall-clock time of `at` in `timeZone`: "2026-12-01", "08:30". */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The instant local midnight begins `date` (YYYY-MM-DD) in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, day);
  // The zone's offset at that moment; a second pass settles days whose midnight falls near a DST change.
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone);
  guess = asUtc - offsetMs(new Date(guess), timeZone);
  // Where summer time begins at midnight (Santiago, Havana) the day has no 00:00: it begins at 01:00.
  for (let step = 0; step < 8 && localDateTime(new Date(guess), timeZone).date < date; step++) guess += 15 * 60_000;
  return new Date(guess);
}

/** The calendar date before `date` (YYYY-MM-DD). */
export function previousDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

function offsetMs(at: Date, timeZone: string): number {
  const local = localDateTime(at, timeZone);
  const seconds = at.getUTCSeconds() * 1000 + at.getUTCMilliseconds();
  const [year, month, day] = local.date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = local.time.split(':').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute) + seconds - at.getTime();
}
