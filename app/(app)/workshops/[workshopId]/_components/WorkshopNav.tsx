"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export function WorkshopNav({ workshopId, canManage, canExport }: { workshopId: string; canManage: boolean; canExport: boolean }) {
  const t = useTranslations("workshop.nav");
  const pathname = usePathname();
  const base = `/workshops/${workshopId}`;
  const navRef = useRef<HTMLElement>(null);
  // On a phone the tabs scroll sideways (app/narrow.css): the current one is brought into sight.
  useEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav && current && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = current.offsetLeft - nav.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  const links = [
    { href: base, label: t("overview") },
    { href: `${base}/note`, label: t("note") },
    { href: `${base}/themes`, label: t("themes") },
    { href: `${base}/lessons`, label: t("lessons") },
    { href: `${base}/review`, label: t("review") },
    ...(canExport ? [{ href: `${base}/export`, label: t("export") }] : []),
    ...(canManage ? [{ href: `${base}/members`, label: t("members") }, { href: `${base}/settings`, label: t("settings") }] : []),
  ];
  return (
    <nav ref={navRef} aria-label={t("label")} className="tabs">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={pathname === link.href ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
