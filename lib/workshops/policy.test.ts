import { describe, expect, it } from "vitest";
import type { Role, WorkshopStatus } from "@/lib/generated/prisma/enums";
import { can, permissionsOf, type WorkshopAction } from "./policy";

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
  "themes.manage",
  "themes.propose",
  "lessons.write",
  "lessons.stance",
  "lessons.merge",
  "lessons.reveal",
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
    "themes.manage",
    "lessons.write",
    "lessons.stance",
    "lessons.merge",
    "lessons.reveal",
  ],
  RAPPORTEUR: ["workshop.view", "content.contribute", "sources.manage", "note.view", "note.edit", "themes.propose", "lessons.write", "lessons.stance", "lessons.merge"],
  PARTICIPANT: ["workshop.view", "content.contribute", "note.view", "note.edit", "themes.propose", "lessons.write", "lessons.stance"],
  OBSERVER: ["workshop.view", "note.view"],
};
/** Closed and archived workshops are read-only: reading, the member list, reopening, sealing and moderation remain. */
const ALLOWED_WHEN_READ_ONLY: Record<Role, WorkshopAction[]> = {
  ORGANIZER: ["workshop.view", "workshop.changeStatus", "workshop.seal", "members.view", "content.moderate", "note.view"],
  RAPPORTEUR: ["workshop.view", "note.view"],
  PARTICIPANT: ["workshop.view", "note.view"],
  OBSERVER: ["workshop.view", "note.view"],
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
      expect(granted.map(([action]) => action)).toEqual(["workshop.view", "note.view"]);
    }
  });
});
