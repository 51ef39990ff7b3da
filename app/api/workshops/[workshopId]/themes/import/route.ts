import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readBoundedBody, withErrors } from "@/lib/http";
import { importCodebook } from "@/lib/themes/import-codebook";
import { codebookFileErrors } from "@/lib/themes/codebook-files/parse-codebook-file";
import { CODEBOOK_FILE_MAX_BYTES } from "@/lib/themes/codebook-files/types";

type Context = { params: Promise<{ workshopId: string }> };

/**
 * Imports a codebook file sent as the request body (a Rapporteur .json or REFI-QDA .qdc, at
 * most 1 MB, told apart by content); answers { added, skipped } (organizers).
 */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const bytes = await readBoundedBody(request, CODEBOOK_FILE_MAX_BYTES, codebookFileErrors.tooLarge);
  return NextResponse.json(await importCodebook({ viewer, workshopId, bytes }));
});
