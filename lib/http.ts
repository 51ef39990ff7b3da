import "server-only";
import { NextResponse } from "next/server";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * The one place where failures of route handlers become HTTP responses: an AppError keeps its
 * status and message; anything else is logged for the operator and answered with a plain 500.
 */
export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    return NextResponse.json({ error: { code: error.code, message: error.message, ...error.details } }, { status: error.status });
  }
  logger.error("unexpected error in a route handler", error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side. Try again; if it persists, tell the organizer." } },
    { status: 500 },
  );
}

/** Wraps a route handler so that it never leaks a stack trace. */
export function withErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
