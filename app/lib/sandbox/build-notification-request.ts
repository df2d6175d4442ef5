import { signStandardWebhook } from '@/app/lib/hooks/signing-secret';

/**
 * How a simulated sender delivers: `fintechos` posts the JSON automation context of FintechOS's
 * documentation page, `esignanywhere` calls the URL with a GET and every value in the query string.
 */
export const SIMULATION_STYLES = ['fintechos', 'esignanywhere'] as const;
export type SimulationStyle = (typeof SIMULATION_STYLES)[number];

export type OutgoingNotification = {
  envelopeId: string;
  action: string;
  recipientEmail: string | null;
  recipientOrder: number | null;
  isFinishCallback: boolean;
};

export type NotificationRequest = {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | null;
};

// The parts of FintechOS's server-automation context that are not the callback's own values.
const FINTECHOS_CONTEXT = {
  UserId: '4afdc8a9-eb91-4359-81d6-c3a462fae866',
  Ids: null,
  Id: '00000000-0000-0000-0000-000000000000',
  EntityName: null,
  PreviousBusinessStatus: null,
  PreviousBWS: null,
  BusinessStatus: null,
  CurrentBWS: null,
  Values: null,
  AdditionalValues: null,
  PropertyBag: {},
  ExecutionDepth: 0,
  MessageSuccess: false,
  Message: null,
  ReloadPage: false,
  NavigateToUrl: null,
  NavigateToEntityPage: false,
  NavigateToEntityPageOnEdit: false,
  NavigateToEntityName: null,
  NavigateToEntityFormName: null,
  NavigateToEntityId: null,
  NavigateToEntityInsertDefaults: null,
};

/**
 * The HTTP request one notification becomes. Values that do not apply travel as empty strings, as
 * the senders' placeholders leave them. With a signing secret (a hook that requires signatures) the
 * request is a POST whose body holds every field, with Standard Webhooks headers; a retry keeps its
 * `webhookId` and is signed anew.
 */
export function buildNotificationRequest(options: {
  style: SimulationStyle;
  hookUrl: string;
  notification: OutgoingNotification;
  customValues: Record<string, string>;
  signingSecret?: string | null;
  webhookId?: string;
  now?: Date;
}): NotificationRequest {
  const { notification } = options;
  const fields: Record<string, string> = {
    ...options.customValues,
    envelopeId: notification.envelopeId,
    action: notification.action,
    recipientEmail: notification.recipientEmail ?? '',
    recipientOrder: notification.recipientOrder === null ? '' : String(notification.recipientOrder),
  };

  let request: NotificationRequest;
  if (options.style === 'fintechos') {
    if (notification.isFinishCallback) fields.FTOSIsFinishCallback = '1';
    const body = JSON.stringify({
      ...FINTECHOS_CONTEXT,
      Data: fields,
      Fetch: null,
      BeforeValues: null,
      MergedValues: {},
    });
    request = { url: options.hookUrl, method: 'POST', headers: { 'content-type': 'application/json' }, body };
  } else if (options.signingSecret) {
    // A signed hook reads the notification from the signed body alone, so the same fields travel as JSON.
    request = {
      url: options.hookUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    };
  } else {
    // eSignAnyWhere's finish callback is told apart by its action alone (envelopeFinished).
    const url = new URL(options.hookUrl);
    for (const [key, value] of Object.entries(fields)) url.searchParams.append(key, value);
    request = { url: url.toString(), method: 'GET', headers: {}, body: null };
  }

  if (options.signingSecret) {
    const signature = signStandardWebhook({
      secret: options.signingSecret,
      webhookId: options.webhookId ?? `msg_${notification.envelopeId}_${notification.action}`,
      timestamp: options.now ?? new Date(),
      body: request.body ?? '',
    });
    request.headers = { ...request.headers, ...signature };
  }
  return request;
}
