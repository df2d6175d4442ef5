import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TimeZoneContextProvider } from '@/app/ui/format/time-zone-context';
import { ExactTime, RelativeTime } from './time-stamps';

// The server render is what the browser hydrates against, so it must use the zone and clock the server was given.
const iso = '2025-11-29T23:30:00.000Z';
const now = new Date('2025-11-30T00:00:00.000Z');

function render(element: React.ReactElement, timeZone?: string) {
  return renderToString(timeZone ? createElement(TimeZoneContextProvider, { timeZone }, element) : element);
}

describe('time stamps rendered on the server', () => {
  it("print the exact time in the zone of the reader's cookie", () => {
    const html = render(createElement(ExactTime, { iso }), 'Europe/Bucharest');
    expect(html).toContain('30 Nov 2025, 01:30:00 EET');
    expect(html).toContain(`dateTime="${iso}"`);
  });

  it('say UTC, not the server machine’s zone, before the browser has told its zone', () => {
    expect(render(createElement(ExactTime, { iso }))).toContain('29 Nov 2025, 23:30:00 UTC');
  });

  it("measure relative times against the server's now, with the zoned exact time on hover", () => {
    const html = render(createElement(RelativeTime, { iso, now, className: 'x' }), 'Europe/Bucharest');
    expect(html).toContain('>30 min ago</time>');
    expect(html).toContain('title="30 Nov 2025, 01:30:00 EET"');
    expect(html).toContain('class="x"');
  });
});
