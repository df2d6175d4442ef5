import type { AddressInfo } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { parseMail } from '../app/testing/mail-server';
import { startOwnAppServerForFile } from './support/own-app-server';
import { screenshot } from './support/screenshots';

// Alerts, end to end: a channel and rules made on the Alerts page, a real rejection coming in through a hook as the
// signing service would send it, the alert in the page's history, and the e-mail itself, caught by an SMTP server of
// this spec's own (no TLS, no login: nodemailer upgrades only when STARTTLS is offered, and it is not).

const stamp = Date.now();
// Unique per run; base 36 puts the changing digits within the short id the pages show.
const run = stamp.toString(36);
const envelopeId = `${run}-alerts-loan`;
const contract = `Loan agreement ${run}`;
const CHANNEL = 'Operations e-mail';

type Mail = { to: string[]; subject: string; body: string; html: string | null };
const mails: Mail[] = [];

/** What the test looks in: the subject, the text (and HTML, to look at) as a reader's mail program shows them. */
function readMail(raw: string): Omit<Mail, 'to'> {
  const parsed = parseMail(raw);
  return { subject: parsed.subject, body: `${parsed.text ?? ''}\n${parsed.html ?? ''}`, html: parsed.html };
}

const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      mails.push({
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        ...readMail(Buffer.concat(chunks).toString('utf8')),
      });
      callback();
    });
  },
});

// The server's environment is completed with the mail server's port once it listens: this hook is declared before
// the one startOwnAppServerForFile adds, and Playwright runs beforeAll hooks in the order they are declared.
const environment: Record<string, string> = {
  DATABASE_URL: `file:./data/e2e-alerts/${stamp}.db`,
  ALERT_EMAIL_FROM: 'Envelope tracker <alerts@example.test>',
};
test.beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  environment.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const server = startOwnAppServerForFile(environment);

// The daily summary's zone starts as the reader's own.
test.use({ timezoneId: 'Europe/Bucharest' });

async function notify(hookId: string, fields: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}/api/webhooks/${hookId}?${new URLSearchParams(fields)}`);
  expect(response.status, await response.text()).toBe(200);
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const ruleCard = (rules: Locator, description: string | RegExp) =>
  rules.getByTestId('alert-rule').filter({ has: rules.page().getByRole('heading', { name: description }) });

test('an operator adds an e-mail channel and rules, tests the channel, and a rejection arrives as one e-mail', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A hydration mismatch or a crash in a client component surfaces here, not as a visible failure.
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.baseUrl}/alerts`);
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  // The mail server is configured: no notice about it.
  await expect(page.getByTestId('email-setup-notice')).toHaveCount(0);
  await page.getByText('How alerts are sent').click();
  await expect(
    page.getByText(/tried again after 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h and 1 day, then/),
  ).toBeVisible();

  // A first visit: four suggestions, none switched on, and no channel to send them to yet.
  const suggestions = section(page, 'Suggested rules');
  await expect(suggestions.getByTestId('suggested-rule')).toHaveText([
    /Rejected/,
    /Stuck for 3 days/,
    /Signed documents not fetched/,
    /Signing service silent for 24 hours/,
  ]);
  await expect(suggestions.getByRole('link', { name: 'Add a channel first' })).toBeVisible();
  await expect(suggestions.getByRole('button', { name: 'Add Rejected' })).toBeDisabled();
  await expect(section(page, 'Rules')).toContainText('No rules yet');

  // The channel.
  const channels = section(page, 'Channels');
  const form = channels.getByRole('form', { name: 'Add a channel' });
  await expect(form.getByLabel('Kind')).toHaveValue('email');
  await form.getByLabel('E-mail addresses').fill('ops@example.test');
  await form.getByLabel(/Name/).fill(CHANNEL);
  await form.getByRole('button', { name: 'Add channel' }).click();
  await expect(form.getByRole('status')).toHaveText(`Channel "${CHANNEL}" added. Send a test to check it.`);
  const channel = channels.getByRole('region', { name: CHANNEL });
  await expect(channel.getByTestId('alert-channel-target')).toHaveText('ops@example.test');
  await expect(channel.getByTestId('alert-channel-receives')).toHaveText('Alerts');

  // Its test goes through the real mail server.
  await channel.getByRole('button', { name: 'Send test' }).click();
  await expect(channel.getByTestId('channel-test-result')).toContainText('Test alert sent');
  await expect.poll(() => mails.filter((mail) => mail.subject.includes('Test alert')).length).toBe(1);
  expect(mails[0]!.to).toEqual(['ops@example.test']);
  expect(mails[0]!.subject).toContain(CHANNEL);

  // The suggestion, for the channel now ticked in the panel.
  await expect(suggestions.getByRole('checkbox', { name: `${CHANNEL} (E-mail)` })).toBeChecked();
  await suggestions.getByRole('button', { name: 'Add Rejected' }).click();
  await expect(suggestions.getByTestId('suggested-rule').first()).toContainText('Added');
  // The panel stays, so the next suggestion can follow.
  await expect(suggestions.getByRole('button', { name: 'Add Stuck for 3 days' })).toBeEnabled();
  const rules = section(page, 'Rules');
  const rejected = ruleCard(rules, 'A recipient rejects an envelope');

  // A second channel, for the daily summary only: a Slack webhook, whose URL is shown only in part once saved.
  await form.getByLabel('Kind').selectOption('slack');
  await form.getByLabel('Slack webhook URL').fill('http://127.0.0.1:9/services/T0001/B0001/abcdefghijklmnop');
  await form.getByLabel(/Name/).fill('Ops Slack');
  await form.getByRole('checkbox', { name: /^Alerts/ }).uncheck();
  await form.getByRole('checkbox', { name: /^A daily summary/ }).check();
  await expect(form.getByLabel('Time zone')).toHaveValue('Europe/Bucharest');
  await form.getByLabel('At', { exact: true }).fill('08:30');
  await form.getByRole('button', { name: 'Add channel' }).click();
  await expect(form.getByRole('status')).toContainText('only its start and end are shown');
  const slack = channels.getByRole('region', { name: 'Ops Slack' });
  await expect(slack.getByTestId('alert-channel-target')).toHaveText('http://127.0.0.1:9/…mnop');
  await expect(slack.getByTestId('alert-channel-receives')).toHaveText(
    'Only a daily summary at 08:30 Europe/Bucharest',
  );
  await expect(rejected.getByTestId('alert-rule-state')).toHaveText('Active');
  await expect(rejected.getByTestId('alert-rule-channels')).toHaveText(CHANNEL);

  // A rule through the form: a wait typed in hours, then changed to a day.
  const ruleForm = rules.getByRole('form', { name: 'Add a rule' });
  await ruleForm.getByLabel('Alert when').selectOption({ label: 'Waiting for a signature' });
  await expect(ruleForm).toContainText('has not signed for a while');
  await ruleForm.getByLabel('Not signed after', { exact: true }).fill('6');
  await ruleForm.getByLabel('Not signed after: unit').selectOption('hours');
  await ruleForm.getByRole('button', { name: 'Add rule' }).click();
  await expect(ruleForm.getByRole('alert')).toHaveText('Choose at least one channel to send to.');
  await ruleForm.getByRole('checkbox', { name: `${CHANNEL} (E-mail)` }).check();
  await ruleForm.getByRole('button', { name: 'Add rule' }).click();
  const waiting = ruleCard(rules, /A recipient has not signed 6 hours after/);
  await expect(waiting).toBeVisible();
  await waiting.getByRole('button', { name: 'Change' }).click();
  await waiting.getByLabel('Not signed after', { exact: true }).fill('1');
  await waiting.getByLabel('Not signed after: unit').selectOption('days');
  await waiting.getByRole('button', { name: 'Save changes' }).click();
  await expect(ruleCard(rules, 'A recipient has not signed 1 day after being invited or opening')).toBeVisible();

  // Paused, then resumed: the rejection below must raise its alert.
  await rejected.getByRole('button', { name: 'Pause' }).click();
  await expect(rejected.getByTestId('alert-rule-state')).toHaveText('Paused');
  await expect(rejected).toContainText('raises nothing until resumed');
  await rejected.getByRole('button', { name: 'Resume' }).click();
  await expect(rejected.getByTestId('alert-rule-state')).toHaveText('Active');

  // A rejection, sent the way the signing service sends it.
  const created = await fetch(`${server.baseUrl}/api/hooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Alerts ${run}` }),
  });
  expect(created.status).toBe(201);
  const hookId = ((await created.json()) as { id: string }).id;
  const recipient = { envelopeId, recipientOrder: '1', recipientEmail: `jane.${run}@example.com`, contract };
  await notify(hookId, { ...recipient, action: 'sendSignNotification' });
  await notify(hookId, { ...recipient, action: 'workstepRejected' });

  // In the history without a reload, sent.
  const history = section(page, 'History');
  const entry = history.getByTestId('alert-history-item').filter({ hasText: envelopeId });
  await expect(entry).toHaveAttribute('data-status', 'sent', { timeout: 20_000 });
  await expect(entry.getByTestId('alert-status')).toHaveText('Sent');
  await expect(entry).toContainText(`Rejected: ${contract} (${envelopeId})`);
  await expect(entry).toContainText(`to ${CHANNEL}`);
  await expect(entry).toContainText('1 attempt');
  await expect(entry.getByRole('link')).toHaveAttribute('href', `/envelopes/${envelopeId}`);

  // The e-mail, once: a later round (every 5 s) must not send it again.
  const alertMails = () => mails.filter((mail) => mail.subject.includes(envelopeId));
  await expect.poll(() => alertMails().length).toBe(1);
  const mail = alertMails()[0]!;
  expect(mail.to).toEqual(['ops@example.test']);
  expect(mail.subject).toContain(`Rejected: ${contract} (${envelopeId})`);
  expect(mail.body).toContain(`/envelopes/${envelopeId}`);
  await page.waitForTimeout(11_000);
  expect(alertMails()).toHaveLength(1);

  // The e-mail as a mail program shows its HTML part (README: an alert e-mail).
  const mailPage = await page.context().newPage();
  await mailPage.setContent(mail.html!);
  await expect(mailPage.getByRole('link', { name: 'Open envelope' })).toHaveAttribute(
    'href',
    new RegExp(`/envelopes/${envelopeId}$`),
  );
  // As wide as a mail program's reading pane; the message is laid out for 600 px.
  await mailPage.setViewportSize({ width: 680, height: 360 });
  await mailPage.screenshot({ path: 'e2e/screenshots/alert-email.png', fullPage: true });
  await mailPage.close();

  // The filters: this alert is the rejected rule's, not the waiting one's.
  await history
    .getByLabel('Rule')
    .selectOption({ label: 'A recipient has not signed 1 day after being invited or opening' });
  await expect(history).toContainText('No alerts for this rule and channel.');
  await history.getByLabel('Rule').selectOption({ label: 'A recipient rejects an envelope' });
  await expect(entry).toBeVisible();
  await history.getByLabel('Rule').selectOption({ label: 'All rules' });

  await suggestions.getByRole('button', { name: 'Hide suggestions' }).click();
  await expect(suggestions).toHaveCount(0);
  await screenshot(page, 'alerts-page');
  expect(pageErrors).toEqual([]);

  // The envelope's own page lists the alert and where it went.
  await page.goto(`${server.baseUrl}/envelopes/${envelopeId}`);
  const alerts = section(page, 'Alerts');
  await expect(alerts.getByTestId('envelope-alert')).toHaveCount(1);
  await expect(alerts).toContainText('Rejected');
  await expect(alerts).toContainText(`Rejected: ${contract} (${envelopeId})`);
  await expect(alerts.getByRole('list', { name: 'Sent to' })).toContainText(CHANNEL);
  await expect(alerts.getByTestId('alert-status')).toHaveText('Sent');
  await screenshot(page, 'envelope-alerts');
});

test('an envelope without alerts has no Alerts section', async ({ page }) => {
  const created = await fetch(`${server.baseUrl}/api/hooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Quiet ${run}` }),
  });
  const hookId = ((await created.json()) as { id: string }).id;
  const quietId = `${run}-alerts-quiet`;
  await notify(hookId, {
    envelopeId: quietId,
    action: 'sendSignNotification',
    recipientOrder: '1',
    recipientEmail: 'quiet@example.com',
  });
  await page.goto(`${server.baseUrl}/envelopes/${quietId}`);
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(section(page, 'Alerts')).toHaveCount(0);
});
