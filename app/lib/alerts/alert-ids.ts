import { randomBytes } from 'node:crypto';

export const newAlertChannelId = () => `ach_${randomBytes(12).toString('hex')}`;
export const newAlertRuleId = () => `alr_${randomBytes(12).toString('hex')}`;
