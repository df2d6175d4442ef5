/** Who a recipient is: the e-mail when the sender passed it, else the position in the signing order. */
export function recipientLabel(recipient: { email: string | null; order: number | null }): string | null {
  if (recipient.email) return recipient.email;
  if (recipient.order !== null) return `Recipient ${recipient.order}`;
  return null;
}
