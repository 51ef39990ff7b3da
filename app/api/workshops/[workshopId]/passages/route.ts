import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { pickPassageForNote } from "@/lib/passages/pick-passage-for-note";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The passage on words selected in the reader, to cite in the note: { sourceId, start, end, revision? }. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const passage = await pickPassageForNote({ viewer, workshopId, input: await readJsonBody(request) });
  return NextResponse.json({ passage }, { status: 201 });
});
