import { AsyncLocalStorage } from "node:async_hooks";
import { bearerCredentialOf } from "@/lib/api-tokens/secret";

/**
 * The request a JSON route handler is answering, for the code that authenticates it. Only
 * `withErrors` (lib/http.ts), which wraps every JSON route handler, sets it: pages and server
 * actions run outside it, so an access token can never authenticate them.
 * Kept on globalThis so that the custom server's and Next's copies of this module share it.
 */
const holder = globalThis as typeof globalThis & { __rapporteurApiRequest?: AsyncLocalStorage<Request> };
const storage = (holder.__rapporteurApiRequest ??= new AsyncLocalStorage<Request>());

export function runWithApiRequest<T>(request: Request | undefined, run: () => Promise<T>): Promise<T> {
  return request ? storage.run(request, run) : run();
}

/** The JSON route request being answered, or undefined in pages, server actions and sockets. */
export function currentApiRequest(): Request | undefined {
  return storage.getStore();
}

/**
 * Whether this request is a JSON route request carrying a bearer token: it is then authenticated
 * by the token alone (lib/auth/session.ts), never by a cookie.
 */
export function isTokenRequest(request: Request): boolean {
  return currentApiRequest() === request && bearerCredentialOf(request.headers) !== null;
}
