/** A one-time password the API just gave out, for whom and why; shown once above the list. */
export type RevealedPassword = { email: string; password: string; reason: 'added' | 'reset' };
