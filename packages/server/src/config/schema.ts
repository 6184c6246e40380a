import { type Static, Type as T } from '@sinclair/typebox';

/** TLS material given as file paths (PEM). */
const TlsFiles = T.Object({
  certFile: T.String({ minLength: 1 }),
  keyFile: T.String({ minLength: 1 }),
  caFile: T.Optional(T.String()),
});

/** One Asterisk server. Every object in the model is keyed by this `id`. */
export const PbxConfigSchema = T.Object({
  id: T.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,31}$', default: 'main' }),
  host: T.String({ default: '127.0.0.1' }),
  port: T.Integer({ minimum: 1, maximum: 65535, default: 5038 }),
  username: T.String({ minLength: 1 }),
  secret: T.String({ minLength: 1 }),
  /** 'md5' logs in with the challenge so the secret never crosses the wire. */
  authType: T.Union([T.Literal('plain'), T.Literal('md5')], { default: 'plain' }),
  tls: T.Optional(
    T.Object({
      caFile: T.Optional(T.String()),
      rejectUnauthorized: T.Boolean({ default: true }),
      servername: T.Optional(T.String()),
    }),
  ),
  /** Dialplan context used for click-to-dial, transfers and spying. */
  context: T.String({ default: 'internal' }),
  /** Technology prefix of agent devices. */
  deviceTech: T.String({ default: 'PJSIP' }),
  /** Prefix dialled before external numbers (e.g. '9'); empty for none. */
  outboundPrefix: T.String({ default: '' }),
});

export const ConfigSchema = T.Object({
  http: T.Object(
    {
      host: T.String({ default: '127.0.0.1' }),
      port: T.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
      tls: T.Optional(TlsFiles),
      /**
       * Trust X-Forwarded-For from any peer. Prefer `trustedProxies`: with this on, any client
       * can claim any address.
       */
      trustProxy: T.Boolean({ default: false }),
      /**
       * When set, `GET /metrics` answers only requests with `Authorization: Bearer <metricsToken>`
       * (Prometheus `authorization: { credentials: ... }`). Unset: open, as before.
       */
      metricsToken: T.Optional(T.String({ minLength: 16, maxLength: 256 })),
    },
    { default: {} },
  ),
  /**
   * Reverse proxies (IP addresses or CIDR ranges) whose X-Forwarded-For is believed. The client's
   * address (workstation detection, login limits, audit) is the nearest hop not in this list.
   */
  trustedProxies: T.Array(T.String({ minLength: 1, maxLength: 64 }), { default: [], maxItems: 256 }),
  dataDir: T.String({ default: './data' }),
  database: T.Union(
    [
      T.Object({ driver: T.Literal('sqlite'), file: T.Optional(T.String()) }),
      T.Object({ driver: T.Literal('postgres'), url: T.String({ minLength: 1 }), schema: T.Optional(T.String()) }),
    ],
    { default: { driver: 'sqlite' } },
  ),
  /** Asterisk servers. Empty means demo mode: a built-in simulated PBX. */
  pbxs: T.Array(PbxConfigSchema, { default: [] }),
  demo: T.Object(
    {
      /** Calls per minute offered by the simulated PBX in demo mode. */
      callsPerMinute: T.Number({ minimum: 0, default: 4 }),
      seed: T.Integer({ default: 42 }),
      agents: T.Integer({ minimum: 1, maximum: 50, default: 6 }),
      /** Sign the demo agents (all but the first) in at start, so the wallboard is alive. */
      autoSignIn: T.Boolean({ default: true }),
    },
    { default: {} },
  ),
  auth: T.Object(
    {
      /** HMAC secret for access tokens; generated and kept in the data dir when absent. */
      tokenSecret: T.Optional(T.String({ minLength: 32 })),
      accessTokenTtlSeconds: T.Integer({ minimum: 30, default: 900 }),
      refreshTokenTtlSeconds: T.Integer({ minimum: 60, default: 7 * 24 * 3600 }),
      /** Failed logins per minute for one username from one address; three times as many from any address. */
      loginAttemptsPerMinute: T.Integer({ minimum: 1, default: 10 }),
      /**
       * Failed logins per minute from one address across usernames (password spraying). Large, for
       * call centres behind one public address; usernames that signed in from that address before are exempt.
       */
      loginFailuresPerAddressPerMinute: T.Integer({ minimum: 1, default: 100 }),
      /** Days a successful sign-in exempts its username and address from the per-user and per-address budgets. */
      rememberSignInDays: T.Integer({ minimum: 0, maximum: 365, default: 30 }),
    },
    { default: {} },
  ),
  amiPort: T.Object(
    {
      enabled: T.Boolean({ default: false }),
      host: T.String({ default: '127.0.0.1' }),
      /** 15038, not 5039: that is Asterisk's own AMI-over-TLS port, often on the same host. */
      port: T.Integer({ minimum: 0, maximum: 65535, default: 15038 }),
      tls: T.Optional(TlsFiles),
      /**
       * The only dialplan context Originate and the transfers may target. Default: the
       * `context` of the first PBX (where click-to-dial goes).
       */
      allowedContext: T.Optional(T.String({ pattern: '^[A-Za-z0-9_-]{1,79}$' })),
      /** Connections from one address that may wait to log in at once (10 s to log in). */
      maxUnauthenticatedPerIp: T.Integer({ minimum: 1, default: 8 }),
    },
    { default: {} },
  ),
  ws: T.Object(
    {
      /** Frames a WebSocket client may send per second on average; beyond its burst it is closed with 4029. */
      maxFramesPerSecond: T.Integer({ minimum: 1, default: 20 }),
      /** Frames a WebSocket client may send at once. */
      frameBurst: T.Integer({ minimum: 1, default: 100 }),
    },
    { default: {} },
  ),
  /** Cluster mode: several nodes over NATS JetStream. Without `natsUrl`, a single node. */
  cluster: T.Object(
    {
      /** NATS server URL(s), comma-separated (`AMIABLE_NATS_URL`). */
      natsUrl: T.Optional(T.String({ minLength: 1 })),
      /** This node's id in the cluster (`AMIABLE_NODE_ID`); defaults to host name and process id. */
      nodeId: T.Optional(T.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' })),
      /** A PBX lease not renewed for this long is taken over by another node. */
      leaseTtlMs: T.Integer({ minimum: 500, default: 3000 }),
      /** How long the CTI and AMI event streams keep events (resume on any node within it). */
      retentionSeconds: T.Integer({ minimum: 10, default: 3600 }),
      /** How long a node waits for the owner of a PBX to answer a command. */
      commandTimeoutMs: T.Integer({ minimum: 100, default: 5000 }),
      /** Replicas of the streams and buckets: 3 on a NATS cluster of three servers (`AMIABLE_NATS_REPLICAS`). */
      replicas: T.Integer({ minimum: 1, maximum: 5, default: 1 }),
    },
    { default: {} },
  ),
  router: T.Object(
    {
      maxQueuedEvents: T.Integer({ minimum: 16, default: 2000 }),
      resumeWindowSeconds: T.Integer({ minimum: 0, default: 120 }),
    },
    { default: {} },
  ),
  archive: T.Object(
    {
      retentionDays: T.Integer({ minimum: 1, default: 90 }),
      flushIntervalMs: T.Integer({ minimum: 10, default: 250 }),
      batchSize: T.Integer({ minimum: 1, default: 500 }),
    },
    { default: {} },
  ),
  /** The disk spool (in the data dir) that keeps writes while the database is away. */
  spool: T.Object(
    {
      /** Bound of the spool on disk; when full, the oldest raw AMI archive rows go first. */
      maxMegabytes: T.Integer({ minimum: 1, default: 2048 }),
    },
    { default: {} },
  ),
  wrapup: T.Object(
    {
      /** Default wrap-up after a queue call; 0 disables wrap-up. */
      seconds: T.Integer({ minimum: 0, default: 30 }),
      /** 'timeout': Ready comes by itself when the time is up; 'manual': the agent must press Ready. */
      mode: T.Union([T.Literal('timeout'), T.Literal('manual')], { default: 'timeout' }),
    },
    { default: {} },
  ),
  phone: T.Object(
    {
      /** ISO country for numbers without a + prefix (libphonenumber-js). */
      defaultCountry: T.String({ pattern: '^[A-Z]{2}$', default: 'US' }),
    },
    { default: {} },
  ),
  /**
   * Where calls may be transferred. With no targets, any internal extension, any dialable number
   * and any queue the PBX reports are allowed; with targets, only those: queues by name,
   * extensions exactly, external numbers that start with one of the `external` prefixes.
   * The list is served at `GET /api/transfer-targets` for desks to show.
   */
  transfers: T.Object(
    {
      targets: T.Array(
        T.Object(
          {
            kind: T.Union([T.Literal('queue'), T.Literal('extension'), T.Literal('external')]),
            /** Queue name, extension, or (external) the number prefix allowed, e.g. `+44` or `0`. */
            value: T.String({ pattern: '^[A-Za-z0-9_.+*#-]{1,64}$' }),
            label: T.Optional(T.String({ pattern: '^[^\\r\\n\\x00]{1,200}$' })),
          },
          { additionalProperties: false },
        ),
        { default: [], maxItems: 1000 },
      ),
    },
    { default: {} },
  ),
  /** Call recording (MixMonitor on the agent's channel). */
  recording: T.Object(
    {
      /** Agents may start, stop, pause and resume the recording of their own calls (supervisors and admins always may). */
      agentControl: T.Boolean({ default: false }),
      /**
       * File name template, relative to Asterisk's monitor directory. Placeholders: {date}
       * (YYYY-MM-DD), {time} (HHMMSS), {linkedid}, {uniqueid}, {extension}, {agent}, {queue}.
       * Letters, digits, `_ - . /` only, no `..`; the extension is added from `format`.
       */
      fileTemplate: T.String({ default: 'cti/{date}/{linkedid}-{extension}', maxLength: 200 }),
      format: T.Union([T.Literal('wav'), T.Literal('gsm'), T.Literal('wav49')], { default: 'wav' }),
      /** Queues whose every answered call is recorded from the answer on. */
      alwaysQueues: T.Array(T.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }), { default: [], maxItems: 1000 }),
    },
    { default: {} },
  ),
  /** Webhook deliveries to integrations (subscriptions are managed at `/api/webhooks`). */
  webhooks: T.Object(
    {
      /**
       * Deliver to loopback, private (RFC 1918, unique-local), link-local and other non-public
       * addresses. Off by default: a subscription could otherwise reach the server's own network.
       * Checked when a subscription is saved (literal addresses) and on every attempt (the
       * address the name resolves to).
       */
      allowPrivateAddresses: T.Boolean({ default: false }),
      /** One attempt's bound: connecting, sending and reading the answer. */
      timeoutMs: T.Integer({ minimum: 100, maximum: 120_000, default: 10_000 }),
      /** Attempts before a delivery is marked failed. */
      maxAttempts: T.Integer({ minimum: 1, maximum: 50, default: 8 }),
      /** The first retry waits about this long; each next one twice as long (with jitter), up to `backoffMaxMs`. */
      backoffBaseMs: T.Integer({ minimum: 10, default: 5_000 }),
      backoffMaxMs: T.Integer({ minimum: 10, default: 3_600_000 }),
      /** Deliveries in flight per subscription (a slow receiver holds only its own). */
      concurrencyPerSubscription: T.Integer({ minimum: 1, maximum: 64, default: 4 }),
      /** Deliveries in flight in all. */
      maxConcurrent: T.Integer({ minimum: 1, maximum: 1024, default: 64 }),
      /** How often due retries are looked for (new events go out at once). */
      pollIntervalMs: T.Integer({ minimum: 10, default: 1_000 }),
      /** Delivered and failed deliveries are kept this long in the log. */
      retentionDays: T.Integer({ minimum: 1, default: 14 }),
    },
    { default: {} },
  ),
  /**
   * A CRM consulted for the screen pop, next to the built-in directory. Off while `urlTemplate`
   * is unset. The directory wins: a customer found there keeps its id and name, and the CRM's
   * answer only fills the fields the directory leaves empty (company, language, link).
   */
  crmLookup: T.Object(
    {
      /** E.g. `https://crm.example/api/contacts?phone={e164}`; `{e164}` is the caller's number, URL-encoded. */
      urlTemplate: T.Optional(T.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048 })),
      /** Request headers (an `Authorization` token, say). */
      headers: T.Record(T.String({ pattern: '^[A-Za-z0-9-]{1,64}$' }), T.String({ pattern: '^[^\\r\\n\\x00]{0,4096}$' }), { default: {} }),
      /** The ringing event waits at most this long for the CRM; a later answer updates the pop. */
      timeoutMs: T.Integer({ minimum: 0, maximum: 30_000, default: 800 }),
      /** The request is abandoned after this long; its answer can no longer update anything. */
      lateTimeoutMs: T.Integer({ minimum: 1, maximum: 120_000, default: 10_000 }),
      /** Answers (found or not) are cached per number this long; failures are not cached. */
      cacheTtlSeconds: T.Integer({ minimum: 0, default: 300 }),
      cacheSize: T.Integer({ minimum: 0, default: 1000 }),
      /** Where the contact is in the JSON answer (dot path; '' for the answer itself); an array yields its first element. */
      resultPath: T.String({ default: '', maxLength: 200 }),
      /** Dot paths of the contact's fields in that element. */
      fields: T.Object(
        {
          id: T.String({ default: 'id', maxLength: 200 }),
          name: T.String({ default: 'name', maxLength: 200 }),
          company: T.String({ default: 'company', maxLength: 200 }),
          language: T.String({ default: 'language', maxLength: 200 }),
          url: T.String({ default: 'url', maxLength: 200 }),
        },
        { default: {} },
      ),
    },
    { default: {} },
  ),
  /** Agents may sign in with an extension they name when their workstation is unknown. */
  allowManualExtension: T.Boolean({ default: true }),
  log: T.Object(
    { level: T.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => T.Literal(l)), { default: 'info' }) },
    { default: {} },
  ),
});

export type Config = Readonly<Static<typeof ConfigSchema>>;
export type PbxConfig = Static<typeof PbxConfigSchema>;
