import { z } from "zod";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { ID_PATTERN } from "@/lib/validation";
import type { ApiOperation, ApiSuccess } from "./operation";
import { ZErrorBody } from "./shapes";
import { API_OPERATIONS } from "./registry";

type JsonSchema = Record<string, unknown>;

/** Every route can answer these (sign-in, unknown or foreign ids, bad input, rate limit). */
const COMMON_ERRORS: AppErrorCode[] = ["BAD_REQUEST", "UNAUTHENTICATED", "NOT_FOUND", "RATE_LIMITED"];

const ERROR_DESCRIPTIONS: Record<AppErrorCode, string> = {
  BAD_REQUEST: "The input is not valid: `field` names what to fix.",
  UNAUTHENTICATED: "No valid session or access token (unknown, revoked or expired).",
  FORBIDDEN: "Your role does not allow this, the workshop is closed, or your access token may only read.",
  NOT_FOUND: "No such workshop or item, or you are not a member of its workshop (the same answer, on purpose).",
  CONFLICT: "The item changed meanwhile, or the change contradicts its state.",
  GONE: "The item was removed meanwhile.",
  UNPROCESSABLE: "The content cannot be used (an unreadable file, for instance).",
  PAYLOAD_TOO_LARGE: "The request is over the size limit.",
  RATE_LIMITED: "Too many requests in a short time: wait `retryAfterSeconds`.",
};

const DESCRIPTION = `The JSON API of Rapporteur, generated from the schemas the server validates with.

**Authentication.** Your browser session, or a personal access token (organizers create them on their account page): \`Authorization: Bearer rpt_…\`. A token acts as its person, with exactly their role in each workshop; a read token may only GET. Tokens do not open pages, forms or live sockets.

**Anonymity.** Answers never say who wrote, endorsed or proposed anything: \`mine\` says what is yours. Times are coarse (a day and a part of it) and counts that could single someone out are replaced by phrases.

**Errors** are \`{ error: { code, message, messageKey, field? } }\` with the HTTP status of the code.`;

/** z.toJSONSchema with shared shapes (those with a meta id) moved into components.schemas. */
function toSchema(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const converted = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" }) as JsonSchema;
  // OpenAPI 3.1's dialect is the default: the document needs no $schema of its own.
  delete converted.$schema;
  const { $defs, ...rest } = converted;
  for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) components[id] ??= rewriteRefs(definition) as JsonSchema;
  const id = z.globalRegistry.get(schema)?.id;
  const body = rewriteRefs(rest) as JsonSchema;
  if (typeof id === "string" && !("$ref" in body)) {
    components[id] ??= body;
    return { $ref: `#/components/schemas/${id}` };
  }
  return body;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === "$ref" && typeof item === "string" ? item.replace("#/$defs/", "#/components/schemas/") : rewriteRefs(item)]),
  );
}

function pathParameters(operation: ApiOperation, components: Record<string, JsonSchema>) {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  return names.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: operation.params?.[name] ? toSchema(operation.params[name], "input", components) : { type: "string", pattern: ID_PATTERN.source },
  }));
}

function queryParameters(operation: ApiOperation, components: Record<string, JsonSchema>) {
  if (!operation.query) return [];
  const schema = toSchema(operation.query, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

function requestBody(operation: ApiOperation, components: Record<string, JsonSchema>) {
  if (operation.body) return { required: true, content: { "application/json": { schema: toSchema(operation.body, "input", components) } } };
  if (operation.upload) {
    const { mediaTypes, description, schema } = operation.upload;
    const content = Object.fromEntries(mediaTypes.map((type) => [type, schema ? { schema: toSchema(schema, "input", components) } : {}]));
    return { required: true, description, content };
  }
  return undefined;
}

function successResponse(success: ApiSuccess, components: Record<string, JsonSchema>) {
  if (success.download) return { description: success.description, content: Object.fromEntries(success.download.map((type) => [type, {}])) };
  if (!success.schema) return { description: success.description };
  return { description: success.description, content: { "application/json": { schema: toSchema(success.schema, "output", components) } } };
}

function errorResponses(operation: ApiOperation) {
  const codes = operation.isPublic ? (operation.errors ?? []) : [...new Set([...COMMON_ERRORS, ...(operation.errors ?? [])])];
  if (operation.method !== "GET" && !operation.isPublic) codes.push("FORBIDDEN");
  const byStatus = new Map<string, string[]>();
  for (const code of new Set(codes)) {
    const status = String(new AppError(code, "", "").status);
    byStatus.set(status, [...(byStatus.get(status) ?? []), ERROR_DESCRIPTIONS[code]]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, descriptions]) => [status, { description: descriptions.join(" "), content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );
}

/** A stable operationId from method and path: GET /api/workshops/{workshopId}/lessons → getWorkshopsByWorkshopIdLessons. */
export function operationIdOf(operation: Pick<ApiOperation, "method" | "path">): string {
  const words = operation.path
    .replace(/^\/api\//, "")
    .replace(/\{([^}]+)\}/g, "by-$1")
    .split(/[/.-]/)
    .filter(Boolean);
  return [operation.method.toLowerCase(), ...words.map((word) => word[0].toUpperCase() + word.slice(1))].join("");
}

/**
 * The OpenAPI 3.1 document of the JSON API, built from the registered operations and their zod
 * schemas (lib/api/registry.ts). Pure: the same registry always gives the same document.
 */
export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS, { serverUrl }: { serverUrl?: string } = {}) {
  const components: Record<string, JsonSchema> = {};
  toSchema(ZErrorBody, "output", components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters = [...pathParameters(operation, components), ...queryParameters(operation, components)];
    const body = requestBody(operation, components);
    const description = [operation.description, operation.access ? `Who: ${operation.access}` : null].filter(Boolean).join("\n\n");
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = {
      operationId: operationIdOf(operation),
      tags: [operation.tag],
      summary: operation.summary,
      ...(description ? { description } : {}),
      ...(operation.description ? { "x-details": operation.description } : {}),
      ...(operation.access ? { "x-access": operation.access } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      ...(operation.isPublic ? { security: [] } : {}),
      responses: { [String(operation.success.status)]: successResponse(operation.success, components), ...errorResponses(operation) },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Rapporteur API", version: "1", description: DESCRIPTION },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ accessToken: [] }, { session: [] }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        accessToken: { type: "http", scheme: "bearer", description: "A personal access token (rpt_…), from your account page." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser's session (pages of this site only: writes need a same-origin Origin header)." },
      },
      schemas: components,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
