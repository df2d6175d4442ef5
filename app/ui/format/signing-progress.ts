/** "2 of 3 signed"; notifications may name no recipient at all (an envelope-level finish only). */
export function signingProgress(signed: number, total: number): string {
  if (total === 0) return 'No recipients known';
  return `${signed} of ${total} signed`;
}
