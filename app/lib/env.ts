import { z } from 'zod';

/** Every environment variable the app reads, checked once. README's configuration table mirrors this. */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PUBLIC_URL: z.url().optional(),
  WEBHOOK_HOOK_IDS: z.string().optional(),
  DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** How long the change feed (`GET /api/events`) keeps its events. */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Notifications per second one hook takes in each app instance before answering 429 (a hook may set its own). */
  WEBHOOK_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(5_000),

  // Signed documents and status confirmation (see README "Signing service").
  /** Unset: `sandbox` in development, none in production. `none` turns fetching off on purpose. */
  SIGNING_PROVIDER: z.enum(['esignanywhere', 'http', 'sandbox', 'none']).optional(),
  ESAW_BASE_URL: z.url().optional(),
  ESAW_API_TOKEN: z.string().optional(),
  /** For SIGNING_PROVIDER=http: the signed PDF's address, with `{envelopeId}`. */
  DOCUMENT_URL_TEMPLATE: z.string().optional(),
  /** For SIGNING_PROVIDER=http: one header sent with each request, as `Name: value`. */
  DOCUMENT_AUTH_HEADER: z.string().optional(),
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
  DOCUMENT_FETCH_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  DOCUMENT_STORAGE: z.enum(['filesystem', 'database']).default('filesystem'),
  DOCUMENT_STORAGE_DIR: z.string().default('./data/documents'),
  RECONCILE_AFTER_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 365)
    .default(24),
  /** The custom value an envelope is named by while the signing service has given no name (then the id). */
  ENVELOPE_NAME_CUSTOM_VALUE: z.string().trim().min(1).max(100).default('contract'),
  /** The sandbox signing service's API token; unset = a fixed development token. */
  SANDBOX_API_TOKEN: z.string().min(8).optional(),

  // Alerts (see README "Alerts").
  /** The mail server alert e-mails go through: `smtp://user:pass@host:587` (STARTTLS when offered), `smtps://…:465`. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'use smtp://user:password@host:587 or smtps://user:password@host:465')
    .optional(),
  /** The sender of alert e-mails, e.g. `Envelope tracker <alerts@example.com>`. */
  ALERT_EMAIL_FROM: z.string().trim().min(3).max(320).optional(),

  // Operations (see README "Metrics, logs and traces").
  /** Lets Prometheus read GET /api/metrics with `Authorization: Bearer <METRICS_TOKEN>` (16+ characters). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Or from these networks without a token: `10.0.0.0/8, 192.168.1.5` (CIDR or addresses). */
  METRICS_ALLOWED_NETWORKS: z.string().optional(),
  /** Send traces to this OpenTelemetry collector (OTLP over HTTP, e.g. http://otel-collector:4318). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().trim().min(1).max(100).default('envelope-tracker'),
  /** The request log's level (one JSON line per request at info). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // The audit log (see README "Audit log").
  /** How long audit entries are kept. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  /**
   * Behind an SSO proxy (DASHBOARD_AUTH=off): the request header naming the signed-in person, e.g. X-Forwarded-Email.
   * Honoured only when TRUSTED_PROXY_HOPS is set, so that a browser cannot name itself.
   */
  TRUSTED_USER_HEADER: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,100}$/, 'give a header name such as X-Forwarded-Email')
    .optional(),

  // Sign-in (see README "Sign-in").
  DASHBOARD_PASSWORD: z.string().min(8).optional(),
  /** Signs session cookies; 32+ characters. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Lets scripts call the API with `Authorization: Bearer <API_TOKEN>`. */
  API_TOKEN: z.string().min(16).optional(),
  /** With ADMIN_PASSWORD: the first admin, created on a start with no users in the database. */
  ADMIN_EMAIL: z.string().trim().toLowerCase().email().max(320).optional(),
  ADMIN_PASSWORD: z.string().min(12).max(1024).optional(),

  // Company SSO through OpenID Connect (see README "Users and access").
  /** The provider's issuer URL (its discovery document is at <issuer>/.well-known/openid-configuration). */
  OIDC_ISSUER: z.string().trim().url().optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** Comma-separated e-mail domains whose people may enter, e.g. `example.com,example.ro`. */
  OIDC_ALLOWED_DOMAINS: z.string().trim().optional(),
  /** The id token claim holding groups or roles, e.g. `groups` or `roles`. */
  OIDC_ROLE_CLAIM: z.string().trim().min(1).max(200).optional(),
  /** Claim values to roles: `tracker-admins=admin,tracker-ops=operator,staff=viewer`. */
  OIDC_ROLE_MAP: z.string().trim().optional(),
  /** The role of a first sign-in that no mapping names; `none` lets only mapped people in. */
  OIDC_DEFAULT_ROLE: z.enum(['viewer', 'operator', 'admin', 'none']).default('viewer'),
  /** The button's label on the sign-in page. */
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default('company account'),
  /** `off` turns sign-in with a password off when SSO is set (admins then come from the provider's groups). */
  PASSWORD_SIGN_IN: z.enum(['on', 'off']).default('on'),
  /** `off` runs production without sign-in on purpose (e.g. behind a company SSO proxy). */
  DASHBOARD_AUTH: z.enum(['on', 'off']).default('on'),
});

/** Where people and signing services reach this app; used to build the hook URLs. */
export function getPublicUrl(): string {
  return getEnvironment().PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

export type Environment = z.infer<typeof environmentSchema>;

let cached: Environment | undefined;

export function getEnvironment(): Environment {
  if (!cached) {
    // An empty value (`PUBLIC_URL=` copied from .env.example) means "not set".
    const given = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
    const parsed = environmentSchema.safeParse(given);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new Error(`Invalid configuration: ${problems}. See .env.example for every variable.`);
    }
    cached = parsed.data;
  }
  return cached;
}
