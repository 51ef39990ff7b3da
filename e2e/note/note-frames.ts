import type { Page } from "@playwright/test";
import { readAwarenessUpdate, type AwarenessEntry } from "../../lib/notes/awareness";

/**
 * Records the note's awareness frames a page receives. socket.io sends a binary event as a text
 * frame with a placeholder, followed by the bytes in a binary frame.
 */
export function recordAwareness(page: Page): AwarenessEntry[] {
  const entries: AwarenessEntry[] = [];
  page.on("websocket", (socket) => {
    let awaitingAwarenessBytes = false;
    socket.on("framereceived", ({ payload }) => {
      if (typeof payload === "string") {
        awaitingAwarenessBytes = payload.includes('"note:awareness"') && payload.includes("_placeholder");
        return;
      }
      if (!awaitingAwarenessBytes) return;
      awaitingAwarenessBytes = false;
      entries.push(...readAwarenessUpdate(new Uint8Array(payload)));
    });
  });
  return entries;
}
