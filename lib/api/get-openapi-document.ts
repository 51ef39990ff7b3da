import { buildOpenApiDocument, type OpenApiDocument } from "./build-openapi-document";

let built: OpenApiDocument | null = null;

/** The document, built once per process (the registry does not change while it runs). */
export function getOpenApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}
