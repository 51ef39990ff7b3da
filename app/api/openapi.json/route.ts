import { NextResponse } from "next/server";
import { withErrors } from "@/lib/http";
import { getOpenApiDocument } from "@/lib/api/get-openapi-document";

export const dynamic = "force-dynamic";

/** The API's OpenAPI 3.1 document, generated from the schemas the routes validate with. Public. */
export const GET = withErrors(async () => NextResponse.json(getOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }));
