// Every action the audit log records, in one list: the API's filter, the Audit page's choices and the test that calls
// each audited route take it from here.

export const AUDIT_ACTIONS = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_out': 'Signed out',
  'document.download': 'Downloaded a document',
  'document.view': 'Viewed a document',
  'export.csv': 'Exported envelopes as CSV',
  'export.zip': 'Exported documents as ZIP',
  'delivery.replay': 'Replayed a delivery',
  'document.fetch_retry': 'Retried a document fetch',
  'envelope.reminder': 'Sent a reminder',
  'envelope.reminders': 'Sent reminders for a selection',
  'hook.create': 'Created a hook',
  'hook.update': 'Changed a hook',
  'hook.revoke': 'Revoked a hook',
  'hook.test_notification': 'Sent a test notification',
  'test_envelopes.delete': 'Removed the test envelopes',
  'subscription.create': 'Created a subscription',
  'subscription.update': 'Changed a subscription',
  'subscription.delete': 'Deleted a subscription',
  'subscription.rotate_secret': "Rotated a subscription's key",
  'subscription.resend': 'Resent events to a subscription',
  'subscription.test': 'Sent a test event to a subscription',
  'alert_channel.create': 'Created an alert channel',
  'alert_channel.update': 'Changed an alert channel',
  'alert_channel.delete': 'Deleted an alert channel',
  'alert_channel.test': 'Sent a test alert',
  'alert_rule.create': 'Created an alert rule',
  'alert_rule.update': 'Changed an alert rule',
  'alert_rule.delete': 'Deleted an alert rule',
  'audit.export': 'Exported the audit log',
  'user.create': 'Added a user',
  'user.update': 'Changed a user',
  'user.password_reset': "Reset a user's password",
  'user.sessions_revoke': "Ended a user's sessions",
  'account.password_change': 'Changed their password',
  'account.sessions_revoke': 'Signed out everywhere',
  'token.create': 'Created an API token',
  'token.revoke': 'Revoked an API token',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

export type AuditOutcome = 'success' | 'failure' | 'refused';
