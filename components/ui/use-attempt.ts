"use client";

import { useCallback, useState } from "react";

/**
 * A card's actions (save, delete, hide, take a stance…): `attempt` runs one and keeps its
 * failure's message for the card to show in an alert; the next attempt clears it.
 */
export function useAttempt() {
  const [error, setError] = useState<string | null>(null);
  const attempt = useCallback(async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, []);
  return { error, setError, attempt };
}
