import "server-only";
import { NextResponse } from "next/server";
import { AppError, inputErrorFromDatabase, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { runWithApiRequest } from "@/lib/auth/api-request";

/**
 * The one place where failures of route handlers become HTTP responses: an AppError keeps its
 * status and message; anything else is logged for the operator and answered with a plain 500.
 */
export function errorResponse(caught: unknown): NextResponse {
  const error = inputErrorFromDatabase(caught) ?? caught;
  if (isAppError(error)) {
    // `messageKey` names the message in the `errors` catalog, so that pages can show it in the
    // person's language; `message` is English, for API clients and logs.
    return NextResponse.json({ error: { code: error.code, message: error.message, messageKey: error.messageKey, ...error.details } }, { status: error.status });
  }
  logger.error("unexpected error in a route handler", error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side. Try again; if it persists, tell the organizer." } },
    { status: 500 },
  );
}

/**
 * Wraps a route handler so that it never leaks a stack trace, and marks it as a JSON route: the
 * one kind of request an access token may authenticate (see lib/auth/session.ts).
 */
export function withErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await runWithApiRequest(args[0] instanceof Request ? args[0] : undefined, () => handler(...args));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Reads a JSON body of bounded size; a clear 400 or 413 otherwise. */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "invalidJson", "The request body must be JSON.");
  }
}

/**
 * Reads a raw request body (an uploaded file sent as the body) of at most `maxBytes`: a declared
 * Content-Length over the limit is refused before reading, and an undeclared body as soon as it
 * passes the limit, with the caller's error.
 */
export async function readBoundedBody(request: Request, maxBytes: number, tooLargeError: (bytes: number) => AppError): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLargeError(declared);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    received += next.value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLargeError(received);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge", `The request is too large; the limit is ${Math.round(maxBytes / 1024)} KB.`);
}

/** A file to download (an export): never cached, never sniffed, runs nothing if opened in place. */
export function downloadResponse(file: { filename: string; contentType: string; body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> }): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
