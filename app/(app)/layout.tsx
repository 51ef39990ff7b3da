import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { needsProfileStep, PATH_HEADER, safeReturnPath } from "@/lib/auth/return-path";

/** Signed-in pages: a person without a display name first goes through the profile step. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (viewer) {
    const path = safeReturnPath((await headers()).get(PATH_HEADER));
    if (needsProfileStep({ name: viewer.name, path })) redirect(`/welcome?callbackUrl=${encodeURIComponent(path)}`);
  }
  return children;
}
