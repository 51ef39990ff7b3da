import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { abilitiesOfRole, abilityMessageKey } from "./role-abilities";
import { permissionsOf, type WorkshopAction } from "./policy";

const ALL_ACTIONS = Object.keys(permissionsOf({ role: "ORGANIZER", status: "OPEN" })) as WorkshopAction[];

describe("abilitiesOfRole", () => {
  it("an observer reads and writes nothing", () => {
    expect(abilitiesOfRole({ role: "OBSERVER", participantsEditNote: true })).toEqual(["workshop.view", "note.view", "note.versions.view"]);
  });

  it("a participant writes the note only while the workshop lets participants write it", () => {
    const writing = abilitiesOfRole({ role: "PARTICIPANT", participantsEditNote: true });
    const reading = abilitiesOfRole({ role: "PARTICIPANT", participantsEditNote: false });
    expect(writing).toEqual(expect.arrayContaining(["content.contribute", "note.edit", "note.versions.save", "lessons.stance", "themes.propose"]));
    expect(reading).not.toContain("note.edit");
    expect(reading).not.toContain("note.versions.save");
    expect(writing).not.toContain("members.view");
  });

  it("an organizer may do everything but propose themes (they create them), including reopening the note", () => {
    const abilities = abilitiesOfRole({ role: "ORGANIZER", participantsEditNote: false });
    expect(ALL_ACTIONS.filter((action) => !abilities.includes(action))).toEqual(["themes.propose"]);
  });

  it("every action has plain words in English and French", () => {
    const catalogs = [en, fr] as unknown as { join: { abilities: Record<string, string> } }[];
    for (const catalog of catalogs) {
      for (const action of ALL_ACTIONS) expect(catalog.join?.abilities?.[abilityMessageKey(action)], action).toBeTruthy();
    }
  });
});
