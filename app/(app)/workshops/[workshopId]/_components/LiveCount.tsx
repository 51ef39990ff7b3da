"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { subscribeToWorkshop } from "@/components/realtime/connect";

/** How many people are in the workshop right now: a count, never who. */
export function LiveCount({ workshopId }: { workshopId: string }) {
  const t = useTranslations("presence");
  const router = useRouter();
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    return subscribeToWorkshop(workshopId, {
      "presence:count": (payload) => {
        if (payload.workshopId === workshopId) setCount(payload.count);
      },
      "workshop:changed": () => router.refresh(),
      "workshop:access-changed": () => router.refresh(),
      disconnect: () => setCount(null),
    });
  }, [workshopId, router]);

  return (
    <p className="live-count" aria-live="polite" data-testid="live-count">
      <span className={`live-dot${count === null ? " offline" : ""}`} aria-hidden="true" />
      {count === null ? t("connecting") : t("here", { count })}
    </p>
  );
}
