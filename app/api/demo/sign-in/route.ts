import { NextResponse } from "next/server";
import { z } from "zod";
import { createDemoSignInUrl } from "@/lib/auth/demo-sign-in";
import { withErrors } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { assertSameOrigin } from "@/lib/csrf";

const ZDemoSignIn = z.object({
  person: z.string().min(1).max(40),
  callbackUrl: z.string().startsWith("/").max(500).default("/workshops"),
});

/** Demo mode only: one-click sign-in as a seeded demo person (a form POST from /sign-in). */
export const POST = withErrors(async (request: Request) => {
  assertSameOrigin(request);
  const form = Object.fromEntries(await request.formData());
  const { person, callbackUrl } = parseInput(ZDemoSignIn, form);
  const url = await createDemoSignInUrl({ personKey: person, callbackUrl: callbackUrl.startsWith("//") ? "/workshops" : callbackUrl });
  return NextResponse.redirect(url, 303);
});
