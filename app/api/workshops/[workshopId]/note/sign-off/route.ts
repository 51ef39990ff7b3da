import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { signOffNote } from "@/lib/notes/sign-off";
import { getRequestLocale } from "@/i18n/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** Signs the note off: freezes its phrases in a SIGN_OFF version; answers { version }. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  return NextResponse.json({ version: await signOffNote({ viewer, workshopId, locale: await getRequestLocale() }) }, { status: 201 });
});
