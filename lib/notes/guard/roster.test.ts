import { describe, expect, it } from "vitest";
import { foldText } from "./normalize";
import { compileRoster, findRosterMatches, type RosterMember } from "./roster";

const MEMBERS: RosterMember[] = [
  { displayName: "Hélène Dubois-Léger", name: "Hélène Dubois-Léger", email: "h.dubois@quai.example.fr", organization: "Ministère des Affaires étrangères (MAE)" },
  { displayName: "John Smith", name: "John Smith", email: "jsmith@embassy.example.org", organization: "Embassy of Ruritania" },
  { displayName: "Rose Young", name: "Rose Young", email: "info@example.org", organization: null },
  { displayName: "Ana de la Cruz", name: "Ana de la Cruz", email: "ana@example.org", organization: "UN" },
  { displayName: "kim@example.net", name: null, email: "kim@example.net", organization: null },
];
const roster = compileRoster(MEMBERS);

/** The matched words and who/what they match. */
function matches(text: string) {
  const folded = foldText(text);
  return findRosterMatches(roster, folded.lower).map((match) => ({
    text: text.slice(folded.origin[match.from], match.to < folded.origin.length ? folded.origin[match.to] : text.length),
    who: match.terms.map((term) => `${MEMBERS[term.member]!.displayName}/${term.field}`),
  }));
}

describe("the roster detector", () => {
  it("finds a whole name with accents and case folded, in English and French", () => {
    expect(matches("As HELENE DUBOIS-LEGER put it, the mandate was too broad.")).toEqual([
      { text: "HELENE DUBOIS-LEGER", who: ["Hélène Dubois-Léger/name"] },
    ]);
    expect(matches("Selon hélène dubois léger, le mandat était trop large.")).toEqual([{ text: "hélène dubois léger", who: ["Hélène Dubois-Léger/name"] }]);
  });

  it("finds a distinctive surname alone, but not a given name or a common word", () => {
    expect(matches("Smith disagreed.")).toEqual([{ text: "Smith", who: ["John Smith/name"] }]);
    expect(matches("Dubois a répondu.")).toEqual([{ text: "Dubois", who: ["Hélène Dubois-Léger/name"] }]);
    expect(matches("John disagreed.")).toEqual([]);
    // "Young" is a common word: only the whole name is flagged.
    expect(matches("Young people were mentioned.")).toEqual([]);
    expect(matches("Rose Young disagreed.")).toEqual([{ text: "Rose Young", who: ["Rose Young/name"] }]);
    // Particles and words under three letters never match alone ("de", "la", "Ana").
    expect(matches("Le rôle de la mission.")).toEqual([]);
    expect(matches("Cruz said so.")).toEqual([{ text: "Cruz", who: ["Ana de la Cruz/name"] }]);
  });

  it("matches on word boundaries only", () => {
    expect(matches("Smithsonian archives; blacksmith; Smiths.")).toEqual([]);
    expect(matches("The (Smith) case")).toEqual([{ text: "Smith", who: ["John Smith/name"] }]);
  });

  it("finds organisations, their acronym in brackets, and skips acronyms under three letters", () => {
    expect(matches("Le ministère des affaires étrangères a proposé")).toEqual([
      { text: "ministère des affaires étrangères", who: ["Hélène Dubois-Léger/organization"] },
    ]);
    expect(matches("The MAE proposed")).toEqual([{ text: "MAE", who: ["Hélène Dubois-Léger/organization"] }]);
    expect(matches("the embassy of ruritania")).toEqual([{ text: "embassy of ruritania", who: ["John Smith/organization"] }]);
    expect(matches("The UN said")).toEqual([]);
  });

  it("finds email addresses and distinctive local parts, not generic or short ones", () => {
    expect(matches("Write to JSmith@Embassy.example.org today")).toEqual([{ text: "JSmith@Embassy.example.org", who: ["John Smith/email"] }]);
    expect(matches("jsmith proposed")).toEqual([{ text: "jsmith", who: ["John Smith/email"] }]);
    expect(matches("info and ana")).toEqual([]);
    expect(matches("Contact kim@example.net.")).toEqual([{ text: "kim@example.net", who: ["kim@example.net/email"] }]);
    expect(matches("jsmith@embassy.example.org.uk")).toEqual([]);
  });

  it("names every member a shared word matches", () => {
    const shared = compileRoster([
      { displayName: "A", name: "Amy Okafor", email: "a@x.org", organization: "Okafor Institute" },
      { displayName: "B", name: "Ben Okafor", email: "b@x.org", organization: null },
    ]);
    const [match] = findRosterMatches(shared, foldText("okafor").lower);
    expect(match!.terms).toEqual(expect.arrayContaining([{ field: "name", member: 0 }, { field: "name", member: 1 }]));
  });
});
