/**
 * `POST /api/commands/:name` answers with the command's result. The body may be
 * the bare result or wrapped as `{ ok: true, data }` like the WebSocket's
 * `result` frame; both are accepted here.
 */
export function commandResult(body: unknown): unknown {
  if (body && typeof body === 'object' && (body as { ok?: unknown }).ok === true && 'data' in body) {
    return (body as { data: unknown }).data;
  }
  return body;
}
