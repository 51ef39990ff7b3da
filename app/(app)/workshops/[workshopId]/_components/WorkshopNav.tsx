"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export function WorkshopNav({ workshopId, canManage }: { workshopId: string; canManage: boolean }) {
  const t = useTranslations("workshop.nav");
  const pathname = usePathname();
  const base = `/workshops/${workshopId}`;
  const links = [
    { href: base, label: t("overview") },
    { href: `${base}/note`, label: t("note") },
    { href: `${base}/themes`, label: t("themes") },
    { href: `${base}/lessons`, label: t("lessons") },
    ...(canManage ? [{ href: `${base}/members`, label: t("members") }, { href: `${base}/settings`, label: t("settings") }] : []),
  ];
  return (
    <nav aria-label={t("label")} className="tabs">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={pathname === link.href ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
