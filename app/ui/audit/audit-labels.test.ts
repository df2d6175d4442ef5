import { describe, expect, it } from 'vitest';
import { actionFilterLabel, actorKindLabel, auditActionLabel, targetTypeLabel } from './audit-labels';

describe('auditActionLabel', () => {
  it('names an action in words', () => {
    expect(auditActionLabel('hook.update')).toBe('Changed a hook');
    expect(auditActionLabel('export.csv')).toBe('Exported envelopes as CSV');
  });

  it('shows an action it does not know as recorded, never an inherited property', () => {
    expect(auditActionLabel('hook.archive')).toBe('hook.archive');
    expect(auditActionLabel('toString')).toBe('toString');
  });
});

describe('actionFilterLabel', () => {
  it('names each of several actions', () => {
    expect(actionFilterLabel('hook.create, hook.update,')).toBe('Created a hook, Changed a hook');
  });
});

describe('actorKindLabel', () => {
  it('says how the actor was known', () => {
    expect(actorKindLabel('anonymous').label).toBe('Not signed in');
    expect(actorKindLabel('token').label).toBe('API token');
    expect(actorKindLabel('session').label).toBe('Signed in');
    expect(actorKindLabel('constructor')).toEqual({ label: 'constructor', title: 'Actor kind "constructor"' });
  });
});

describe('targetTypeLabel', () => {
  it('names known target types and makes words of others', () => {
    expect(targetTypeLabel('alert_channel')).toBe('Alert channel');
    expect(targetTypeLabel('envelope')).toBe('Envelope');
    expect(targetTypeLabel('token')).toBe('API token');
    expect(targetTypeLabel('signing_key')).toBe('Signing key');
    expect(targetTypeLabel('')).toBe('');
  });
});
