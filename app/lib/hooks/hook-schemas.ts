import { z } from 'zod';
import { parseNetworkList } from './allowed-networks';
import { isValidSigningSecret } from './signing-secret';

export const updateHookInputSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  /** null removes the secret; "generate" makes a new one. */
  signingSecret: z
    .union([
      z.literal('generate'),
      z.null(),
      z
        .string()
        .refine(isValidSigningSecret, 'must be a Standard Webhooks secret (whsec_ and base64, at least 16 bytes)'),
    ])
    .optional(),
  allowedNetworks: z
    .union([z.string(), z.array(z.string())])
    .transform((value, context) => {
      const parsed = parseNetworkList(value);
      if (!parsed.ok) {
        context.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.networks;
    })
    .optional(),
  /** Notifications per second before 429; null goes back to WEBHOOK_RATE_LIMIT_PER_SECOND. */
  rateLimitPerSecond: z.number().int().min(1).max(1_000_000).nullable().optional(),
});
