import type { Server } from "socket.io";
import { logger } from "@/lib/logger";
import { createLiveDelivery, LIVE_BATCH_WINDOW_MS, type LiveDelivery } from "./live-delivery";
import { ZAccessChangedRelay, type InterServerEvents } from "./events";

// server.ts creates the socket.io server; domain code running inside Next's bundle reaches it
// here. The reference lives on globalThis because the two load separate copies of this module.
const holder = globalThis as typeof globalThis & {
  __rapporteurIo?: Server;
  __rapporteurLive?: LiveDelivery;
  __rapporteurLiveWindowMs?: number;
  __rapporteurAccessVersions?: Map<string, number>;
  /** Whether other nodes serve the same workshops (a Redis or PostgreSQL adapter). */
  __rapporteurCrossNode?: boolean;
};
const accessVersions = (holder.__rapporteurAccessVersions ??= new Map());

/**
 * A number that changes whenever who may do what in the workshop may have changed: sockets
 * remember their access while it stays the same (./access-cache.ts).
 */
export function accessVersion(workshopId: string): number {
  return accessVersions.get(workshopId) ?? 0;
}

/**
 * Marks every remembered access to the workshop as stale (called by each notifier below), here
 * and on every other node: sockets there remember access in their own process.
 */
export function accessChanged(workshopId: string): void {
  accessVersions.set(workshopId, accessVersion(workshopId) + 1);
  relayToNodes("access:changed", { workshopId });
}

/** Another node's accessChanged, applied here only (relaying it again would echo forever). */
export function applyRelayedAccessChange(payload: unknown): void {
  const parsed = ZAccessChangedRelay.safeParse(payload);
  if (!parsed.success) return logger.warn("ignored a malformed access:changed from another node");
  accessVersions.set(parsed.data.workshopId, accessVersion(parsed.data.workshopId) + 1);
}

/**
 * Tells the other nodes (never this one) about something that happened here. Nothing without a
 * cross-node adapter: the in-memory one has no other nodes, and warns on every serverSideEmit.
 */
export function relayToNodes<E extends keyof InterServerEvents>(event: E, payload: Parameters<InterServerEvents[E]>[0]): void {
  if (!holder.__rapporteurCrossNode) return;
  holder.__rapporteurIo?.serverSideEmit(event, payload);
}

/**
 * A note update just stored (by a room, or by lib/notes/apply-note-change.ts outside any room):
 * to the note's editors on every node, and to the rooms other nodes hold on it (they apply it
 * without storing it again). `io`: the room's own server (tests run several in one process).
 */
export function shareStoredNoteUpdate(workshopId: string, update: Uint8Array, io: Pick<Server, "to"> | undefined = getRealtimeServer()): void {
  io?.to(noteRoom(workshopId)).emit("note:update", { workshopId, update });
  relayToNodes("note:accepted", { workshopId, update: Buffer.from(update).toString("base64") });
}

export function setRealtimeServer(io: Server | undefined, options: { liveWindowMs?: number; crossNode?: boolean } = {}): void {
  holder.__rapporteurIo = io;
  holder.__rapporteurCrossNode = io ? (options.crossNode ?? false) : undefined;
  holder.__rapporteurLiveWindowMs = io ? (options.liveWindowMs ?? LIVE_BATCH_WINDOW_MS) : undefined;
  holder.__rapporteurLive = io ? createLiveDelivery({ windowMs: options.liveWindowMs, peopleInRoom: (workshopId) => countPeople(io, workshopId) }) : undefined;
}

/** Distinct people (not tabs) in a workshop's room. */
export async function countPeople(io: Server, workshopId: string): Promise<number> {
  const sockets = await io.in(workshopRoom(workshopId)).fetchSockets();
  return new Set(sockets.map((socket) => socket.data.userId as string)).size;
}

/**
 * Sends a change of someone's contribution to the workshop's open pages, at once or with the
 * small-room batching of lib/realtime/live-delivery.ts. `key` names the item: several changes
 * to it within a window become one delivery, which reads its state when it runs.
 */
export async function deliverLive(workshopId: string, key: string, deliver: () => Promise<void>): Promise<void> {
  await holder.__rapporteurLive?.schedule(workshopId, key, deliver);
}

/**
 * Like deliverLive, but always at the end of the clock-aligned window, however many people are
 * in the room: for stance changes, which must never be tied to whoever just clicked.
 */
export async function deliverBatched(workshopId: string, key: string, deliver: () => Promise<void>): Promise<void> {
  await holder.__rapporteurLive?.schedule(workshopId, key, deliver, { always: true });
}

/**
 * The batching window in force: changes held for it reach others at its clock-aligned end. Zero
 * without a realtime server (scripts, domain tests): nobody is live, so nothing is held.
 */
export function liveWindowMs(): number {
  return holder.__rapporteurLiveWindowMs ?? 0;
}

/** Delivers whatever the small-room batching holds (at shutdown). */
export async function flushLiveDeliveries(): Promise<void> {
  await holder.__rapporteurLive?.flushAll();
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
  // Status (closed, archived, sealed) decides who may edit.
  accessChanged(workshopId);
  getRealtimeServer()?.to(workshopRoom(workshopId)).emit("workshop:changed", { workshopId });
}

/**
 * Tells the note's open editors that who may change it changed (signed off, reopened, the
 * "participants edit the note" setting): they join again and learn whether they may edit.
 */
export function notifyNoteStatus(workshopId: string): void {
  accessChanged(workshopId);
  getRealtimeServer()?.to(noteRoom(workshopId)).emit("note:status", { workshopId });
}

/** Tells the workshop's open pages that a source's text was revised, so its readers reload. */
export function notifySourceRevised(workshopId: string, sourceId: string, revision: number): void {
  getRealtimeServer()?.to(workshopRoom(workshopId)).emit("source:revised", { workshopId, sourceId, revision });
}

/**
 * Tells the workshop's open pages that its codebook changed (a theme added, renamed, recoloured,
 * moved, merged or deleted), so they fetch the themes and what is tagged with them again.
 */
/**
 * Tells open boards to fetch the lessons again (reveal, thresholds, the hold setting, the set of
 * lessons in the meeting note).
 */
export function notifyLessonsChanged(workshopId: string): void {
  getRealtimeServer()?.to(workshopRoom(workshopId)).emit("lessons:changed", { workshopId });
}

export function notifyCodebookChanged(workshopId: string): void {
  getRealtimeServer()?.to(workshopRoom(workshopId)).emit("codebook:changed", { workshopId });
}

/**
 * Drops a person's sockets from a workshop at once (removed member, changed role): they must
 * rejoin, and the membership check then runs again.
 */
export async function disconnectMemberSockets(workshopId: string, userId: string): Promise<void> {
  accessChanged(workshopId);
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
