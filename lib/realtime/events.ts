import { z } from "zod";
import type { PresentedAnnotation } from "@/lib/annotations/present";

/** Every event a client may send, validated before anything else happens. */
export const ZJoinWorkshop = z.object({ workshopId: z.string().min(1).max(64) }).strict();
export const ZLeaveWorkshop = ZJoinWorkshop;

export type JoinWorkshop = z.infer<typeof ZJoinWorkshop>;

/** What the server sends. Presence carries a count only: never who is there. */
export interface ServerToClientEvents {
  "presence:count": (payload: { workshopId: string; count: number }) => void;
  "workshop:changed": (payload: { workshopId: string }) => void;
  "workshop:access-changed": (payload: { workshopId: string }) => void;
  "error:event": (payload: { code: string; message: string }) => void;
  /** The same presented object as the HTTP API gives this person. */
  "annotation:upserted": (payload: { workshopId: string; annotation: PresentedAnnotation }) => void;
  "annotation:removed": (payload: { workshopId: string; annotationId: string }) => void;
  /** A source's text was revised: its annotations moved, so open reading views reload. */
  "source:revised": (payload: { workshopId: string; sourceId: string; revision: number }) => void;
}

export type Ack = (response: { ok: true } | { ok: false; code: string; message: string }) => void;

export interface ClientToServerEvents {
  "workshop:join": (payload: unknown, ack?: Ack) => void;
  "workshop:leave": (payload: unknown, ack?: Ack) => void;
}

export interface SocketData {
  userId: string;
}
