/** Calls a JSON route handler the way Next does, as a script holding an access token would. */
export async function callRoute<P extends Record<string, string>>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  { method = "GET", path = "/api/x", token, body, params = {} as P, headers = {} }: { method?: string; path?: string; token?: string; body?: unknown; params?: P; headers?: Record<string, string> },
): Promise<{ status: number; json: unknown }> {
  const request = new Request(`http://localhost:3000${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, json: text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}
