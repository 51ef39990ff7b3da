import { describe, expect, it } from "vitest";
import type { Role, WorkshopStatus } from "@/lib/generated/prisma/enums";
import { can, noteRefusal, permissionsOf, type NoteAction, type NoteRefusal, type WorkshopAction } from "./policy";

const ROLES: Role[] = ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"];
const STATUSES: WorkshopStatus[] = ["OPEN", "CLOSED", "ARCHIVED"];
const ACTIONS: WorkshopAction[] = [
  "workshop.view",
  "workshop.edit",
  "workshop.changeStatus",
  "workshop.seal",
  "members.view",
  "members.invite",
  "members.changeRole",
  "members.remove",
  "content.contribute",
  "sources.manage",
  "sources.revise",
  "content.moderate",
  "note.view",
  "note.edit",
  "note.settings",
  "note.versions.view",
  "note.versions.save",
  "note.versions.restore",
  "note.signOff",
  "note.reopen",
  "note.guardDetails",
  "themes.manage",
  "themes.propose",
  "lessons.write",
  "lessons.stance",
  "lessons.merge",
  "lessons.reveal",
  "exports.download",
  "workshop.retention",
];

/** The intended policy, written out by hand rather than derived from the code under test. */
const ALLOWED_WHEN_OPEN: Record<Role, WorkshopAction[]> = {
  // Everything but proposing themes: organizers add them to the codebook directly.
  ORGANIZER: [
    "workshop.view",
    "workshop.edit",
    "workshop.changeStatus",
    "workshop.seal",
    "members.view",
    "members.invite",
    "members.changeRole",
    "members.remove",
    "content.contribute",
    "sources.manage",
    "sources.revise",
    "content.moderate",
    "note.view",
    "note.edit",
    "note.settings",
    "note.versions.view",
    "note.versions.save",
    "note.versions.restore",
    "note.signOff",
    "note.reopen",
    "note.guardDetails",
    "themes.manage",
    "lessons.write",
    "lessons.stance",
    "lessons.merge",
    "lessons.reveal",
    "exports.download",
    "workshop.retention",
  ],
  RAPPORTEUR: [
    "workshop.view",
    "content.contribute",
    "sources.manage",
    "note.view",
    "note.edit",
    "note.versions.view",
    "note.versions.save",
    "note.versions.restore",
    "note.signOff",
    "note.guardDetails",
    "themes.propose",
    "lessons.write",
    "lessons.stance",
    "lessons.merge",
    "exports.download",
  ],
  PARTICIPANT: ["workshop.view", "content.contribute", "note.view", "note.edit", "note.versions.view", "note.versions.save", "themes.propose", "lessons.write", "lessons.stance"],
  OBSERVER: ["workshop.view", "note.view", "note.versions.view"],
};
/**
 * Closed and archived workshops are read-only: reading, exporting, the member list, reopening,
 * sealing, retention and moderation remain.
 */
const ALLOWED_WHEN_READ_ONLY: Record<Role, WorkshopAction[]> = {
  ORGANIZER: [
    "workshop.view",
    "workshop.changeStatus",
    "workshop.seal",
    "members.view",
    "content.moderate",
    "note.view",
    "note.versions.view",
    "note.guardDetails",
    "exports.download",
    "workshop.retention",
  ],
  RAPPORTEUR: ["workshop.view", "note.view", "note.versions.view", "note.guardDetails", "exports.download"],
  PARTICIPANT: ["workshop.view", "note.view", "note.versions.view"],
  OBSERVER: ["workshop.view", "note.view", "note.versions.view"],
};

function expected(role: Role, status: WorkshopStatus, action: WorkshopAction): boolean {
  return (status === "OPEN" ? ALLOWED_WHEN_OPEN : ALLOWED_WHEN_READ_ONLY)[role].includes(action);
}

const cells = STATUSES.flatMap((status) =>
  ROLES.flatMap((role) => ACTIONS.map((action) => ({ status, role, action, allowed: expected(role, status, action) }))),
);

describe("can", () => {
  it.each(cells)("$status workshop, $role, $action → $allowed", ({ status, role, action, allowed }) => {
    expect(can({ role, status }, action)).toBe(allowed);
  });
});

describe("permissionsOf", () => {
  it.each(STATUSES.flatMap((status) => ROLES.map((role) => ({ status, role }))))(
    "lists every action for $role in a $status workshop",
    ({ status, role }) => {
      const permissions = permissionsOf({ role, status });
      expect(Object.keys(permissions).sort()).toEqual([...ACTIONS].sort());
      for (const action of ACTIONS) expect(permissions[action], action).toBe(expected(role, status, action));
    },
  );

  it("grants nothing but reading to an observer, whatever the status", () => {
    for (const status of STATUSES) {
      const granted = Object.entries(permissionsOf({ role: "OBSERVER", status })).filter(([, allowed]) => allowed);
      expect(granted.map(([action]) => action)).toEqual(["workshop.view", "note.view", "note.versions.view"]);
    }
  });
});

/**
 * The note's own rule, written out by hand: who may edit, keep versions, restore, sign off and
 * reopen, for each role, with the "participants edit the note" setting on and off, on a draft
 * and on a signed-off note, in an open and a closed workshop.
 */
const NOTE_ACTIONS: NoteAction[] = ["note.edit", "note.versions.save", "note.versions.restore", "note.signOff", "note.reopen"];
const ON_DRAFT: Record<Role, NoteAction[]> = {
  ORGANIZER: ["note.edit", "note.versions.save", "note.versions.restore", "note.signOff"],
  RAPPORTEUR: ["note.edit", "note.versions.save", "note.versions.restore", "note.signOff"],
  PARTICIPANT: ["note.edit", "note.versions.save"],
  OBSERVER: [],
};

function expectedNoteRefusal(role: Role, status: WorkshopStatus, participantsEditNote: boolean, isSignedOff: boolean, action: NoteAction): NoteRefusal | null {
  const everGranted = action === "note.reopen" ? role === "ORGANIZER" : ON_DRAFT[role].includes(action);
  if (!everGranted) return "role";
  if (status !== "OPEN") return "readOnly";
  if (role === "PARTICIPANT" && !participantsEditNote) return "participantsRead";
  if (action === "note.reopen") return isSignedOff ? null : "notSignedOff";
  return isSignedOff ? "signedOff" : null;
}

const noteCells = STATUSES.flatMap((status) =>
  ROLES.flatMap((role) =>
    [true, false].flatMap((participantsEditNote) =>
      [false, true].flatMap((isSignedOff) =>
        NOTE_ACTIONS.map((action) => ({ status, role, participantsEditNote, isSignedOff, action, refusal: expectedNoteRefusal(role, status, participantsEditNote, isSignedOff, action) })),
      ),
    ),
  ),
);

describe("noteRefusal", () => {
  it.each(noteCells)(
    "$status, $role, participants edit: $participantsEditNote, signed off: $isSignedOff, $action → $refusal",
    ({ status, role, participantsEditNote, isSignedOff, action, refusal }) => {
      expect(noteRefusal({ role, status, participantsEditNote, isSignedOff }, action)).toBe(refusal);
    },
  );

  it("lets nobody edit a signed-off note, and observers never", () => {
    for (const role of ROLES) expect(noteRefusal({ role, status: "OPEN", participantsEditNote: true, isSignedOff: true }, "note.edit")).not.toBeNull();
    expect(noteRefusal({ role: "OBSERVER", status: "OPEN", participantsEditNote: true, isSignedOff: false }, "note.edit")).toBe("role");
  });
});
