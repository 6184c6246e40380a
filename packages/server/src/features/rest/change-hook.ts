import type { FastifyInstance } from 'fastify';
import type { CrudChange } from '../../gateway/http/crud-routes.ts';
import type { FeatureContext } from './deps.ts';

/**
 * Calls the `onChange` hook after a write. The write has already succeeded, so a failing hook is
 * logged and the client still gets its answer.
 */
export function notifyChange(app: FastifyInstance, ctx: FeatureContext, resource: string) {
  return async (change: CrudChange<unknown>): Promise<void> => {
    try {
      await ctx.hooks.onChange?.(resource, change);
    } catch (err) {
      app.log.error({ err, resource }, 'change hook failed');
    }
  };
}
