import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "@readme/openapi-parser";
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { API_OPERATIONS, ROUTES_NOT_IN_THE_API } from "@/lib/api/registry";
import { HTTP_METHODS } from "@/lib/api/operation";

const ROOT = path.resolve(__dirname, "../..");

/** Every route.ts under app/api, relative to the repository. */
function routeFiles(directory = path.join(ROOT, "app/api")): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

/** app/api/workshops/[workshopId]/route.ts → /api/workshops/{workshopId} */
function openApiPathOf(file: string): string {
  return `/${path.dirname(file).replace(/^app\//, "").replace(/\[([^\]]+)\]/g, "{$1}")}`;
}

/** The HTTP methods a route module exports (export const GET = …, export async function GET). */
function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  return HTTP_METHODS.filter((method) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source));
}

/** One message per exported method of a route file that the document does not describe. */
function undescribedRoutes(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  const missing: string[] = [];
  for (const file of routeFiles()) {
    if (file in ROUTES_NOT_IN_THE_API) continue;
    const route = openApiPathOf(file);
    for (const method of exportedMethods(file)) {
      if (document.paths[route]?.[method.toLowerCase()]) continue;
      missing.push(
        `${file} exports ${method}, but the API reference has no ${method} ${route}. Add to the list of its domain in lib/api/operations/ ` +
          `(or a new list in lib/api/registry.ts): operation("${method}", "${route}", { tag: "…", summary: "…", access: "…", body: ZItsInput, success: ok(ZItsAnswer) }),`,
      );
    }
  }
  return missing;
}

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is valid OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([]);
    expect(document.openapi).toBe("3.1.0");
  });

  it("describes every method of every route under app/api", () => {
    const missing = undescribedRoutes(document);
    expect(missing, missing.join("\n")).toEqual([]);
  });

  it("describes no route that does not exist, and each one once", () => {
    const existing = new Set(routeFiles().flatMap((file) => exportedMethods(file).map((method) => `${method} ${openApiPathOf(file)}`)));
    const registered = API_OPERATIONS.map((operation) => `${operation.method} ${operation.path}`);
    expect(registered.filter((key) => !existing.has(key))).toEqual([]);
    expect(registered.filter((key, index) => registered.indexOf(key) !== index)).toEqual([]);
  });

  it("describes request bodies from the schemas the server validates with", () => {
    const createLesson = document.paths["/api/workshops/{workshopId}/lessons"].post as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> } };
    const schema = createLesson.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(["elaboration", "evidence", "statement", "themeIds"]);
    expect(schema.required).toContain("statement");
  });

  it("names the route and the line to add when a route is not registered", () => {
    const withoutNewLesson = buildOpenApiDocument(API_OPERATIONS.filter((operation) => !(operation.method === "POST" && operation.path === "/api/workshops/{workshopId}/lessons")));
    expect(undescribedRoutes(withoutNewLesson)).toEqual([
      expect.stringContaining('app/api/workshops/[workshopId]/lessons/route.ts exports POST, but the API reference has no POST /api/workshops/{workshopId}/lessons'),
    ]);
    expect(undescribedRoutes(withoutNewLesson)[0]).toContain('operation("POST", "/api/workshops/{workshopId}/lessons", {');
  });
});
