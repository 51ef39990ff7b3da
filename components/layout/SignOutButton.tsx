"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { signOutEverywhereAction } from "@/app/actions/sign-out-everywhere";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
        {t("signOut")}
      </button>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="button button-quiet">
          {t("signOutEverywhere")}
        </button>
      </form>
    </>
  );
}
