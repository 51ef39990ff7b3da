import type { z } from "zod";
import type { AppErrorCode } from "@/lib/errors";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How a route answers when it succeeds. */
export interface ApiSuccess {
  status: 200 | 201 | 204 | 503;
  description: string;
  /** The JSON body, for application/json answers. */
  schema?: z.ZodType;
  /** A download instead of JSON: its media types. */
  download?: string[];
}

/**
 * One operation of the JSON API: what the reference page and /api/openapi.json say about it.
 * Schemas are the very objects the route (or the lib function it calls) validates with, so the
 * document cannot drift from what the server accepts.
 */
export interface ApiOperation {
  method: HttpMethod;
  /** As in OpenAPI: /api/workshops/{workshopId}/lessons (folders [workshopId] become {workshopId}). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Who may call it, in words (the policy table decides; see lib/workshops/policy.ts). */
  access?: string;
  /** Path parameters that are not ids (ids are described once, by their pattern). */
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  /** A JSON body. */
  body?: z.ZodType;
  /** A non-JSON body (an uploaded file): its media types and what it is. */
  upload?: { mediaTypes: string[]; description: string; schema?: z.ZodType };
  success: ApiSuccess;
  /** Expected failures besides the ones every route has (401, 404, 429, 400 for bad input). */
  errors?: AppErrorCode[];
  /** Open to anyone: no sign-in, no token. */
  isPublic?: boolean;
}

/** Registers an operation: `operation("GET", "/api/workshops", { tag, summary, success })`. */
export function operation(method: HttpMethod, path: string, rest: Omit<ApiOperation, "method" | "path">): ApiOperation {
  return { method, path, ...rest };
}

/** A 200 with this JSON body. */
export function ok(schema: z.ZodType, description = "Done."): ApiSuccess {
  return { status: 200, schema, description };
}

/** A 201 with this JSON body. */
export function created(schema: z.ZodType, description = "Created."): ApiSuccess {
  return { status: 201, schema, description };
}

/** A 204: done, nothing to say. */
export const NO_CONTENT: ApiSuccess = { status: 204, description: "Done; no body." };
