import { requireViewer } from "@/lib/auth/session";
import { downloadResponse, withErrors } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { exportLessons } from "@/lib/exports/export-lessons";
import { ZExportParams, ZFormatQuery } from "@/lib/exports/schemas";
import { getRequestLocale } from "@/i18n/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The workshop's lessons, aggregated: ?format=csv or json (ZLessonsExport). */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = parseInput(ZExportParams, await params);
  const { format } = parseInput(ZFormatQuery, { format: new URL(request.url).searchParams.get("format") });
  return downloadResponse(await exportLessons({ viewer, workshopId, format, locale: await getRequestLocale() }));
});
