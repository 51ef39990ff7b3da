import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { restoreNoteVersion } from "@/lib/notes/versions/restore-note-version";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string; versionId: string }> };

/** Restores a version as a new change; answers { kept }: the version the text before it became. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, versionId } = await params;
  return NextResponse.json(await restoreNoteVersion({ viewer, workshopId, versionId }));
});
