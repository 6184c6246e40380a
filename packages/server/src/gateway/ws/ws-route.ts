import type {} from '@fastify/swagger';
import type {} from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { runWsSession, type WsSessionDeps } from './ws-session.ts';

/** The WebSocket API at `/api/ws` (see `@amiable/protocol` for the frames). */
export async function wsRoutes(app: FastifyInstance, deps: WsSessionDeps): Promise<void> {
  app.get('/api/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
    runWsSession(deps, socket, request.ip);
  });
}
