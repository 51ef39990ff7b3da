import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import { type Socket as ClientSocket } from "socket.io-client";
import { registerTestDatabase } from "@/test/db";
import { connectMember, registerSocketServer } from "@/test/socket-server";
import { createWorkshopWithBlankNote, viewerOf } from "@/test/factories";
import type { Role } from "@/lib/generated/prisma/enums";
import { NOTE_FRAGMENT } from "./schema";
import { reopenNote, signOffNote } from "./sign-off";
import { restoreNoteVersion } from "./versions/restore-note-version";
import { saveNoteVersion } from "./versions/save-note-version";

// Real socket.io clients on the real server: signing off turns open editors read-only at once
// (note:status, then the server refuses their updates), reopening gives the pen back, and a
// restore reaches every open editor as one change.

const prisma = registerTestDatabase();
const clients: ClientSocket[] = [];
const server = registerSocketServer(() => clients.forEach((socket) => socket.disconnect()));
afterEach(() => clients.splice(0).forEach((socket) => socket.disconnect()));

type Ack = { ok: true; canEdit?: boolean; update?: Uint8Array } | { ok: false; code: string; message: string };

async function editor(workshopId: string, role: Role) {
  const { socket, user } = await connectMember(server, workshopId, clients, role);
  const doc = new Y.Doc();
  const statuses: unknown[] = [];
  socket.on("note:status", (payload: unknown) => statuses.push(payload));
  socket.on("note:update", ({ update }: { update: ArrayBuffer | Uint8Array }) => Y.applyUpdate(doc, new Uint8Array(update)));
  const call = (event: string, payload: object) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack>;
  // As components/note/note-connection.ts does: apply what the server sends, and when allowed to
  // edit, send what the server lacks (text typed while offline, or refused while signed off).
  const join = async () => {
    const ack = (await call("note:join", { workshopId, stateVector: Y.encodeStateVector(doc) })) as Ack & { stateVector?: Uint8Array };
    if (!ack.ok) return ack;
    Y.applyUpdate(doc, new Uint8Array(ack.update!));
    if (ack.canEdit) {
      const missing = Y.encodeStateAsUpdate(doc, new Uint8Array(ack.stateVector!));
      if (missing.byteLength > 2) expect(await call("note:update", { workshopId, update: missing })).toEqual({ ok: true });
    }
    return ack;
  };
  const type = (text: string) => {
    const before = Y.encodeStateVector(doc);
    const paragraph = new Y.XmlElement("paragraph");
    doc.getXmlFragment(NOTE_FRAGMENT).push([paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
    return call("note:update", { workshopId, update: Y.encodeStateAsUpdate(doc, before) });
  };
  return { user, viewer: viewerOf(user), doc, statuses, join, type, text: () => doc.getXmlFragment(NOTE_FRAGMENT).toString() };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("sign-off, reopening and restoring with the note open", () => {
  it("turns open editors read-only at once, and back when an organizer reopens", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const rapporteur = await editor(workshop.id, "RAPPORTEUR");
    const participant = await editor(workshop.id, "PARTICIPANT");
    const organizer = await editor(workshop.id, "ORGANIZER");
    for (const person of [rapporteur, participant, organizer]) expect(await person.join()).toMatchObject({ ok: true, canEdit: true });
    expect(await participant.type("Before sign-off.")).toEqual({ ok: true });

    await signOffNote({ viewer: rapporteur.viewer, workshopId: workshop.id, locale: "en" });
    await until(() => [rapporteur, participant, organizer].every((person) => person.statuses.length === 1), "note:status everywhere");
    expect(participant.statuses).toEqual([{ workshopId: workshop.id }]);
    expect(await participant.type("After sign-off.")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await organizer.type("Organizer after sign-off.")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await participant.join()).toMatchObject({ ok: true, canEdit: false });

    await reopenNote({ viewer: organizer.viewer, workshopId: workshop.id });
    await until(() => participant.statuses.length === 2, "note:status after reopening");
    expect(await participant.join()).toMatchObject({ ok: true, canEdit: true });
    const reader = await editor(workshop.id, "OBSERVER");
    expect(await reader.join()).toMatchObject({ ok: true, canEdit: false });
    expect(await participant.type("Reopened.")).toEqual({ ok: true });
    await until(() => reader.text().includes("Reopened."), "the reopened note's change to reach a reader");
    expect(reader.text()).toContain("Before sign-off.");
    // What was refused while signed off stayed on its page, and is sent once the note is reopened.
    expect(reader.text()).toContain("After sign-off.");
  });

  it("restores a version as one change that reaches every open editor, keeping the text it replaces", async () => {
    const workshop = await createWorkshopWithBlankNote();
    const rapporteur = await editor(workshop.id, "RAPPORTEUR");
    const participant = await editor(workshop.id, "PARTICIPANT");
    for (const person of [rapporteur, participant]) await person.join();
    expect(await participant.type("Morning.")).toEqual({ ok: true });
    const morning = await saveNoteVersion({ viewer: participant.viewer, workshopId: workshop.id, input: { name: "Morning" } });
    expect(await participant.type("Afternoon.")).toEqual({ ok: true });
    await until(() => rapporteur.text().includes("Afternoon."), "the rapporteur to see the afternoon");

    const { kept } = await restoreNoteVersion({ viewer: rapporteur.viewer, workshopId: workshop.id, versionId: morning.id });
    await until(() => !participant.text().includes("Afternoon.") && !rapporteur.text().includes("Afternoon."), "the restore to reach both editors");
    expect(participant.text()).toBe("<paragraph>Morning.</paragraph>");
    expect(rapporteur.text()).toBe(participant.text());
    const before = await prisma().meetingNoteVersion.findUniqueOrThrow({ where: { id: kept.id } });
    expect(JSON.stringify(before.content)).toContain("Afternoon.");
  });
});
