import pino, { type Logger } from 'pino';
import { getEnvironment } from '@/app/lib/env';

// The process's logger: JSON lines on standard output (one per request, see request-log.ts), at LOG_LEVEL, pretty in
// development. Kept on globalThis so every Next.js bundle writes through one stream. What is logged never includes
// secrets: no query strings (hook ids are in webhook paths, so the route template is logged, never the path), no
// headers but the request id and user agent.

const GLOBAL_KEY = '__envelopeTrackerLogger';

function createLogger(): Logger {
  const environment = getEnvironment();
  const options = { level: environment.LOG_LEVEL, base: { service: 'envelope-tracker' } };
  if (environment.NODE_ENV === 'development') {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } },
    });
  }
  return pino(options);
}

export function getLogger(): Logger {
  const holder = globalThis as { [GLOBAL_KEY]?: Logger };
  return (holder[GLOBAL_KEY] ??= createLogger());
}
