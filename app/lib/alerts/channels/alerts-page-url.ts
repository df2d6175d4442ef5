/** Where alert rules and channels are changed: linked from every message so a person can turn down the noise. */
export function alertsPageUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/alerts`;
}
