export { buildGatewayApp, type GatewayApp, type GatewayDeps } from './app.ts';
export { type AuditEvent, type Auditor, createAuditor, redact } from './audit.ts';
export { type CommandExecutor, type CommandRequest, createCommandExecutor } from './commands/execute.ts';
export { assertValid, validateCommandArgs, validationIssues } from './commands/validate.ts';
export { type GatewayConfig, type GatewayConfigInput, resolveGatewayConfig } from './config.ts';
export { renderError, type RenderedError } from './error-body.ts';
export { authenticateRequest } from './http/authorize.ts';
export { trustProxyOption } from './http/client-ip.ts';
export { COMMAND_ALIASES, type CommandAlias } from './http/command-aliases.ts';
export { type GatewayContext, principalOf, SECURED } from './http/context.ts';
export { type CrudChange, type CrudOptions, type CrudStore, crudRoutes } from './http/crud-routes.ts';
export { createMemoryAuditSink } from './memory-audit-sink.ts';
export { createGatewayMetrics, type GatewayMetrics } from './metrics.ts';
export type {
  AuditRecord,
  AuditSink,
  CommandChannel,
  CommandContext,
  CommandHandler,
  CommandHandlers,
  StateView,
} from './ports.ts';
export * from './router/index.ts';
export { visibleState } from './visible-state.ts';
