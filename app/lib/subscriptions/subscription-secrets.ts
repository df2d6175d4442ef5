/** The keys that sign a request now: the current one, and the previous one until its overlap ends. */
export function signingSecrets(
  subscription: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  now: Date,
): string[] {
  const previousValid =
    subscription.previousSecret !== null &&
    subscription.previousSecretUntil !== null &&
    subscription.previousSecretUntil > now;
  return previousValid ? [subscription.secret, subscription.previousSecret!] : [subscription.secret];
}
