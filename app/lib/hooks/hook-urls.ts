/** The query string FintechOS and eSignAnyWhere fill in: the `##...##` placeholders. */
export const PLACEHOLDER_QUERY =
  'envelopeId=##EnvelopeId##&action=##Action##&recipientEmail=##RecipientEmail##&recipientOrder=##RecipientOrder##';

export function hookUrl(publicUrl: string, hookId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/webhooks/${hookId}`;
}

/** eSignAnyWhere's workstep event callback (ActivityActionCallbackConfiguration) fills these placeholders. */
export const WORKSTEP_EVENT_PLACEHOLDER_QUERY =
  'envelopeId=##EnvelopeId##&EventType=##EventType##&WorkstepId=##WorkstepId##&Source=##Source##&Time=##Time##' +
  '&Description=##Description##&recipientEmail=##RecipientEmail##&recipientOrder=##RecipientOrder##';

/**
 * The values to paste into the sign request. The finish and status callbacks share one URL: the finish callback is
 * told apart by its fields (FTOSIsFinishCallback, envelopeFinished, or an ##Action## left unfilled); the workstep
 * event callback has placeholders of its own.
 */
export function hookUrlTemplates(publicUrl: string, hookId: string) {
  const url = `${hookUrl(publicUrl, hookId)}?${PLACEHOLDER_QUERY}`;
  return {
    webhookUrl: url,
    webhookStatusUrl: url,
    workstepEventUrl: `${hookUrl(publicUrl, hookId)}?${WORKSTEP_EVENT_PLACEHOLDER_QUERY}`,
  };
}

/**
 * The integrator's own parameters go in front of `envelopeId=`: they come back with every notification. Stray `?`/`&`
 * at either end are dropped so a pasted "?contract=123&" still works.
 */
export function withCustomQuery(url: string, customQuery: string): string {
  const custom = customQuery.trim().replace(/^[?&]+|&+$/g, '');
  const index = url.indexOf('envelopeId=');
  if (!custom || index === -1) return url;
  return `${url.slice(0, index)}${custom}&${url.slice(index)}`;
}
