import type { Server } from "socket.io";

// server.ts creates the socket.io server; domain code running inside Next's bundle reaches it
// here. The reference lives on globalThis because the two load separate copies of this module.
const holder = globalThis as typeof globalThis & { __rapporteurIo?: Server };

export function setRealtimeServer(io: Server | undefined): void {
  holder.__rapporteurIo = io;
}

export function getRealtimeServer(): Server | undefined {
  return holder.__rapporteurIo;
}

export function workshopRoom(workshopId: string): string {
  return `workshop:${workshopId}`;
}

/** The room of a workshop's meeting note: its Yjs updates and carets. */
export function noteRoom(workshopId: string): string {
  return `note:${workshopId}`;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Tells the workshop's open pages that its details or status changed, so they refresh. */
export function notifyWorkshopChanged(workshopId: string): void {
  getRealtimeServer()?.to(workshopRoom(workshopId)).emit("workshop:changed", { workshopId });
}

/** Tells the workshop's open pages that a source's text was revised, so its readers reload. */
export function notifySourceRevised(workshopId: string, sourceId: string, revision: number): void {
  getRealtimeServer()?.to(workshopRoom(workshopId)).emit("source:revised", { workshopId, sourceId, revision });
}

/**
 * Tells the workshop's open pages that its codebook changed (a theme added, renamed, recoloured,
 * moved, merged or deleted), so they fetch the themes and what is tagged with them again.
 */
export function notifyCodebookChanged(workshopId: string): void {
  getRealtimeServer()?.to(workshopRoom(workshopId)).emit("codebook:changed", { workshopId });
}

/**
 * Drops a person's sockets from a workshop at once (removed member, changed role): they must
 * rejoin, and the membership check then runs again.
 */
export async function disconnectMemberSockets(workshopId: string, userId: string): Promise<void> {
  const io = getRealtimeServer();
  if (!io) return;
  const rooms = [workshopRoom(workshopId), noteRoom(workshopId)];
  // Chained .in() selects the union of rooms; the intersection is filtered here. A socket that
  // only opened the note (no workshop:join) would otherwise keep receiving it.
  const sockets = (await io.in(userRoom(userId)).fetchSockets()).filter((socket) => rooms.some((room) => socket.rooms.has(room)));
  for (const socket of sockets) {
    socket.emit("workshop:access-changed", { workshopId });
    // Disconnect while still in the room, so that the presence recount on disconnect sees it.
    socket.disconnect(true);
  }
}

/** Signs a person's sockets out everywhere (sign out everywhere, account removal). */
export function disconnectUserSockets(userId: string): void {
  getRealtimeServer()?.in(userRoom(userId)).disconnectSockets(true);
}
