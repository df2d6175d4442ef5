import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation-items';

const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe('navigationFor', () => {
  it('shows viewers and operators only the pages they may open', () => {
    expect(labels(navigationFor({ admin: false, accounts: true }))).toEqual(['Envelopes', 'Insights', 'Deliveries']);
  });

  it('adds the admin pages, and Users only where people sign in', () => {
    expect(labels(navigationFor({ admin: true, accounts: true }))).toEqual([
      'Envelopes',
      'Insights',
      'Deliveries',
      'Alerts',
      'Setup',
      'Audit',
      'Users',
    ]);
    expect(labels(navigationFor({ admin: true, accounts: false }))).not.toContain('Users');
  });
});
