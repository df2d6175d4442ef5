/** A subscription as an audit entry names it: by id (its signing key is the secret, not its id). */
export const subscriptionTarget = (id: string) => ({ type: 'subscription', id });
