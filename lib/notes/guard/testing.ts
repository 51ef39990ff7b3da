/** A workshop of 100 members and 300 contributions, and a large note, for the guard's tests and bench. */
import type { GuardInputs } from "./detect";
import { compileRoster, type RosterMember } from "./roster";
import { buildShingleIndex } from "./verbatim";

export const members: RosterMember[] = Array.from({ length: 100 }, (_, index) => ({
  displayName: `Member ${index}`,
  name: `Given${index} Surnamé${index}`,
  email: `person.number${index}@ministry${index}.example.org`,
  organization: `Ministry of Things Number ${index} (MTN${index})`,
}));
export const contributions = Array.from({ length: 300 }, (_, index) => `Contribution ${index}: the mission could not rely on contractor logistics in season ${index} when roads flooded and the trucks left.`);

/** 400 paragraphs, every fiftieth naming a member twice, then one contribution copied as it is. */
export function largeNoteBlocks(copied: string): string[] {
  const paragraph = "Participants generally agreed that the mission's logistics were too dependent on contractors, and that the roads flooded every year. ";
  const blocks = Array.from({ length: 400 }, (_, index) => (index % 50 === 0 ? "Ms Surname12 of the MTN40 spoke. " : "") + paragraph);
  return [...blocks, copied];
}

export function inputs(): GuardInputs {
  return { roster: compileRoster(members), contributions: buildShingleIndex(contributions), allowedShingles: () => new Set() };
}
