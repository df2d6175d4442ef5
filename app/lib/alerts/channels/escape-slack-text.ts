/**
 * Text made safe for Slack's mrkdwn: Slack reads `<…>` as links and mentions (`<!channel>`), so `&`, `<` and `>` are
 * sent as entities, which is the escaping Slack documents; everything else shows as it is.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
