import { describe, expect, it } from 'vitest';
import { advanceSandboxEnvelope } from './advance-sandbox-envelope';
import { createSandboxEnvelope } from './create-sandbox-envelope';
import { getSandboxEnvelope } from './get-sandbox-envelope';

const recipients = [
  { givenName: 'Maria', surname: 'Popescu', email: 'maria.popescu@example.com' },
  { givenName: 'Lukas', surname: 'Becker', email: 'lukas.becker@bank.example' },
];

describe('advanceSandboxEnvelope', () => {
  it('lets recipients act in order only, and the last signature completes the envelope', async () => {
    const { id: envelopeId } = await createSandboxEnvelope({ name: 'Order test', recipients });
    await expect(advanceSandboxEnvelope({ envelopeId, step: { kind: 'sign', recipientOrder: 2 } })).rejects.toThrow(
      /act in order/,
    );
    await advanceSandboxEnvelope({ envelopeId, step: { kind: 'sign', recipientOrder: 1 } });
    await expect(advanceSandboxEnvelope({ envelopeId, step: { kind: 'open', recipientOrder: 1 } })).rejects.toThrow(
      /act in order, once/,
    );
    expect(await advanceSandboxEnvelope({ envelopeId, step: { kind: 'sign', recipientOrder: 2 } })).toEqual({
      status: 'Completed',
    });
    const envelope = await getSandboxEnvelope({ envelopeId });
    expect(envelope?.finishedAt).not.toBeNull();
    expect(envelope?.recipients.map((recipient) => recipient.status)).toEqual(['Completed', 'Completed']);
    await expect(advanceSandboxEnvelope({ envelopeId, step: { kind: 'expire' } })).rejects.toThrow(/is Completed/);
  });

  it('keeps the first opening time however often a recipient opens', async () => {
    const { id: envelopeId } = await createSandboxEnvelope({ name: 'Opens', recipients });
    const first = new Date('2026-11-29T10:00:00Z');
    await advanceSandboxEnvelope({ envelopeId, step: { kind: 'open', recipientOrder: 1 }, at: first });
    await advanceSandboxEnvelope({
      envelopeId,
      step: { kind: 'open', recipientOrder: 1 },
      at: new Date('2026-11-29T11:00:00Z'),
    });
    const envelope = await getSandboxEnvelope({ envelopeId });
    expect(envelope?.recipients[0]?.openedAt).toEqual(first);
    expect(envelope?.events.filter((event) => event.type === 'WorkstepOpened')).toHaveLength(2);
  });

  it('refuses an unknown envelope or recipient', async () => {
    await expect(advanceSandboxEnvelope({ envelopeId: 'missing', step: { kind: 'expire' } })).rejects.toThrow(
      /no envelope/,
    );
    const { id: envelopeId } = await createSandboxEnvelope({ name: 'One', recipients: recipients.slice(0, 1) });
    await expect(advanceSandboxEnvelope({ envelopeId, step: { kind: 'invite', recipientOrder: 3 } })).rejects.toThrow(
      /no recipient 3/,
    );
  });
});
