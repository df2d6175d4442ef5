import { readTimeZone } from './read-time-zone';
import { TimeZoneContextProvider } from './time-zone-context';

/**
 * Server renders of every time below it use the reader's zone (from the cookie the browser sets on its first page),
 * so the HTML already shows local times and hydration changes nothing. Meant for the root layout.
 */
export async function TimeZoneProvider({ children }: { children: React.ReactNode }) {
  const { timeZone } = await readTimeZone();
  return <TimeZoneContextProvider timeZone={timeZone}>{children}</TimeZoneContextProvider>;
}
