"use server";

import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";

export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await signOutEverywhere({ viewer });
  redirect("/sign-in");
}
