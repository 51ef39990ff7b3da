"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { subscribeToWorkshop } from "@/components/realtime/connect";

/**
 * Who else is in the workshop right now, coarsely: never who, and no exact number below four
 * people (lib/realtime/live-delivery.ts), where it would tie a change to someone arriving.
 */
export function LiveCount({ workshopId }: { workshopId: string }) {
  const t = useTranslations("presence");
  const router = useRouter();
  const [count, setCount] = useState<number | "few" | null>(null);

  useEffect(() => {
    return subscribeToWorkshop(workshopId, {
      "presence:count": (payload) => {
        if (payload.workshopId === workshopId) setCount(payload.count ?? "few");
      },
      "workshop:changed": () => router.refresh(),
      "workshop:access-changed": () => router.refresh(),
      disconnect: () => setCount(null),
    });
  }, [workshopId, router]);

  return (
    <p className="live-count" aria-live="polite" data-testid="live-count">
      <span className={`live-dot${count === null ? " offline" : ""}`} aria-hidden="true" />
      {count === null ? t("connecting") : count === "few" ? t("few") : count <= 1 ? t("alone") : t("here", { count })}
    </p>
  );
}
