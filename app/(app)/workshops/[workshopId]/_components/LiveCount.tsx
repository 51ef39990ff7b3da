"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { connectRealtime } from "@/components/realtime/connect";

/** How many people are in the workshop right now: a count, never who. */
export function LiveCount({ workshopId }: { workshopId: string }) {
  const t = useTranslations("presence");
  const router = useRouter();
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    const socket = connectRealtime();
    const join = () => socket.emit("workshop:join", { workshopId });
    socket.on("connect", join);
    socket.on("presence:count", (payload) => {
      if (payload.workshopId === workshopId) setCount(payload.count);
    });
    socket.on("workshop:changed", () => router.refresh());
    socket.on("workshop:access-changed", () => router.refresh());
    socket.on("disconnect", () => setCount(null));
    return () => {
      socket.disconnect();
    };
  }, [workshopId, router]);

  return (
    <p className="live-count" aria-live="polite" data-testid="live-count">
      <span className={`live-dot${count === null ? " offline" : ""}`} aria-hidden="true" />
      {count === null ? t("connecting") : t("here", { count })}
    </p>
  );
}
