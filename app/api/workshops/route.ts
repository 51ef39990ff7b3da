import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { findMyWorkshops } from "@/lib/workshops/find-my-workshops";

export const dynamic = "force-dynamic";

/** The signed-in person's workshops. */
export const GET = withErrors(async () => {
  const viewer = await requireViewer();
  return NextResponse.json({ workshops: await findMyWorkshops({ viewer }) });
});
