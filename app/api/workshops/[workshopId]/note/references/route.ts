import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { getNoteReferences } from "@/lib/notes/get-note-references";
import { getRequestLocale } from "@/i18n/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

const idList = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/**
 * The note's references (phrases, footnote sources) and the lessons panel: `{ references, panel }`.
 * `?lessonIds=a,b&passageIds=c` adds references the editor has just inserted (at most 200 each).
 */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  const query = new URL(request.url).searchParams;
  const extra = { lessonIds: idList(query.get("lessonIds")), passageIds: idList(query.get("passageIds")) };
  return NextResponse.json(await getNoteReferences({ viewer, workshopId, locale: await getRequestLocale(), extra }));
});
