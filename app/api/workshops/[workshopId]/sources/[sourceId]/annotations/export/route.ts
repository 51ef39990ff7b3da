import { requireViewer } from "@/lib/auth/session";
import { downloadResponse, withErrors } from "@/lib/http";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { getRequestLocale } from "@/i18n/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string; sourceId: string }> };

/** A source's annotations as a download: ?format=jsonld (W3C Web Annotation) or ?format=csv. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId, sourceId } = await params;
  const format = new URL(request.url).searchParams.get("format");
  const locale = await getRequestLocale();
  const file = await exportAnnotations({ viewer, workshopId, sourceId, format, locale });
  return downloadResponse(file);
});
