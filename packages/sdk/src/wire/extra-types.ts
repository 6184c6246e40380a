/**
 * Shapes the SDK needs that @amiable/protocol does not declare (yet). They sit
 * next to the routes so that adjusting to the server is a change in one place.
 */

/** One CSV line the import refused. `line` counts from 1 and includes the header line. */
export interface ImportRejectedRow {
  line: number;
  /** Every problem of the row, joined into one sentence. */
  reason: string;
  field?: string | null;
  /** The row's cells as read from the file, for display next to the reason. */
  values?: Record<string, string>;
}

/**
 * The state of a customer CSV import. The server writes an import in one
 * transaction, so it is never half-applied. In `all-or-nothing` mode a single
 * bad row means nothing is written (`committed: false`); in `best-effort` mode
 * the good rows are written and the bad ones are listed in `rejected`.
 */
export type ImportMode = 'all-or-nothing' | 'best-effort';

export interface CustomerImportReport {
  mode?: ImportMode;
  /** Job id, when the server runs the import in the background. */
  id?: string;
  status: 'running' | 'done' | 'failed';
  /** Data rows in the file (without the header line), when known. */
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  rejected: ImportRejectedRow[];
  committed: boolean;
  message?: string | null;
}

/** The wrap-up policy: how long agents stay in wrap-up after each call. */
export interface WrapupPolicy {
  /** Seconds of wrap-up by default; 0 for none; null for "until the agent presses Ready". */
  defaultSeconds: number | null;
  /** Whether agents may extend or end wrap-up themselves. */
  agentCanEnd: boolean;
  /** Whether agents may ask to be paused after the current call. */
  allowPauseAfterCall: boolean;
  /** Whether agents may pick their extension at sign-in (otherwise the workstation decides). */
  allowExtensionChoice?: boolean;
}

/** `GET /api/status`: what the admin console's system page shows. */
export interface SystemStatus {
  version: string;
  uptimeSeconds: number;
  pbx: { pbx: string; state: string; since?: string | null; host?: string | null; error?: string | null }[];
  eventsPerSecond: number | null;
  clients: { websocket: number; rest?: number | null; ami?: number | null; byRole?: Record<string, number> };
  node?: string | null;
}

/** `GET /api/demo`, present only in demo mode: accounts to try the product with. */
export interface DemoInfo {
  accounts: { username: string; password: string; role: string; description?: string | null }[];
  message?: string | null;
}

/** The caller's sign-in context: where they would sign in from this client. */
export interface SignInContext {
  /** The workstation the server matched from the client's IP (or MAC), if any. */
  workstation: { id: string | null; name: string | null; extension: string } | null;
  /** The extension the agent signs in at when they name none. */
  defaultExtension: string | null;
  /** Whether the agent may type or choose another extension. */
  allowExtensionChoice: boolean;
  /** Whether this user may start, pause, resume and stop the recording of their calls (absent from older servers). */
  recordingControl?: boolean;
  /** The queues the agent would join, with the language each stands for. */
  queues: { queue: string; language: string | null; skill: string | null }[];
}
