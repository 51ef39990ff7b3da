import { NextResponse } from "next/server";
import { requireViewer, requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { findNoteVersions } from "@/lib/notes/versions/find-note-versions";
import { saveNoteVersion, type SaveNoteVersionInput } from "@/lib/notes/versions/save-note-version";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** { versions: [{ id, name, kind, savedAt: { day, partOfDay } }], access: { canEdit, isSignedOff, can } }: never who. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  return NextResponse.json(await findNoteVersions({ viewer, workshopId }));
});

/** { name } (1–120 characters): keeps the note as it is now. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const input = (await readJsonBody(request)) as SaveNoteVersionInput;
  return NextResponse.json({ version: await saveNoteVersion({ viewer, workshopId, input }) }, { status: 201 });
});
