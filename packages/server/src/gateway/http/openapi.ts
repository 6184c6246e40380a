import { PROTOCOL_VERSION } from '@amiable/protocol';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** The OpenAPI document, generated from the route schemas: UI at /api/docs, JSON at /api/docs/json. */
export async function registerOpenApi(app: FastifyInstance, version: string, serveUi: boolean): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Amiable CTI server',
        description: `REST API of the Amiable CTI server. Real-time events use the WebSocket at /api/ws (protocol version ${PROTOCOL_VERSION}).`,
        version,
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Access token from POST /api/auth/login' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          apiKeyAuthorization: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'Authorization: ApiKey <key>',
          },
        },
      },
    },
  });
  if (serveUi) await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
