import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { createAlertChannel } from './create-alert-channel';
import { createAlertRule } from './create-alert-rule';

const provider = inject('databaseProvider');

// Other test files add channels and rules to the same database at the same time, so the limits are given here as
// what is already there (never fewer) rather than filled up.

describe(`alert channel and rule limits on ${provider}`, () => {
  it('refuses a channel beyond the most there may be, saying what to do, and adds none', async () => {
    const before = await prisma.alertChannel.count({ where: { name: 'Over the limit' } });
    const refused = await createAlertChannel({
      body: { kind: 'slack', target: 'http://127.0.0.1:9/over-the-limit', name: 'Over the limit' },
      maxChannels: 0,
    });
    expect(refused).toEqual({
      ok: false,
      status: 409,
      code: 'too_many_channels',
      message:
        'There are already 0 alert channels, the most there can be: delete one no rule needs (DELETE /api/alerts/channels/<id>) first.',
    });
    expect(await prisma.alertChannel.count({ where: { name: 'Over the limit' } })).toBe(before);
  });

  it('refuses a rule beyond the most there may be, saying what to do, and adds none', async () => {
    const channel = await createAlertChannel({
      body: { kind: 'slack', target: 'http://127.0.0.1:9/rules-limit', name: 'Rules limit' },
    });
    if (!channel.ok) throw new Error(channel.message);
    const refused = await createAlertRule({
      body: { kind: 'rejected', channelIds: [channel.channel.id] },
      maxRules: 0,
    });
    expect(refused).toMatchObject({ ok: false, status: 409, code: 'too_many_rules' });
    expect(refused.ok === false && refused.message).toContain('DELETE /api/alerts/rules/<id>');
    expect(await prisma.alertRuleChannel.count({ where: { channelId: channel.channel.id } })).toBe(0);
  });
});
