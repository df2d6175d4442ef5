import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendAlertEmail } from './send-alert-email';

const message = { subject: 'Test', text: 'Test', html: '<p>Test</p>' };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('sendAlertEmail', () => {
  it('tells the admin what to set when the mail server is not configured', async () => {
    // Empty counts as unset; the environment is read once per module, and this is the first read here.
    vi.stubEnv('SMTP_URL', '');
    vi.stubEnv('ALERT_EMAIL_FROM', '');
    const outcome = await sendAlertEmail({ to: ['ops@example.com'], message });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain('set SMTP_URL and ALERT_EMAIL_FROM');
    expect(outcome.error).toContain('smtp://user:password@mail.example.com:587');
  });

  it('fails a connection that is refused without showing the password', async () => {
    // A port that was free a moment ago: nothing listens there.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const outcome = await sendAlertEmail({
      to: ['ops@example.com'],
      message,
      smtp: { url: `smtp://alerts:Sup3r%2Fsecret@127.0.0.1:${port}`, from: 'alerts@example.com' },
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/^Could not talk to the mail server: ECONNREFUSED/);
    expect(outcome.error).not.toMatch(/Sup3r/);
  });
});
