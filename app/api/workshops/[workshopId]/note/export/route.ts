import { requireViewer } from "@/lib/auth/session";
import { downloadResponse, withErrors } from "@/lib/http";
import { exportNote } from "@/lib/notes/export-note";
import { getRequestLocale } from "@/i18n/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/**
 * The meeting note as a download: ?format=md, html (a standalone page), docx or pdf; &methods=1
 * adds the consensus methods paragraph. Values are checked in exportNote (400 otherwise).
 */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  const query = new URL(request.url).searchParams;
  const file = await exportNote({ viewer, workshopId, format: query.get("format"), methods: query.get("methods"), locale: await getRequestLocale() });
  return downloadResponse(file);
});
