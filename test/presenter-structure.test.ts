/**
 * The anonymity boundary, checked on structure rather than text: no contribution table can hold
 * a user id, and no presenter passes a row through whole (a `...row` spread would carry every
 * column, owner tags and anything added later, out of lib/).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { presentAnnotation, presentReply } from "@/lib/annotations/present";
import type { Audience } from "@/lib/annotations/audience";
import { presentCitedPassage, presentPassage } from "@/lib/passages/present";
import { presentTheme, presentThemeProposal } from "@/lib/themes/present";
import { presentSource, presentSourceSummary } from "@/lib/sources/present";
import { presentWorkshop } from "@/lib/workshops/present";
import { presentMemberForOrganizer } from "@/lib/members/present";
import { presentInvitation } from "@/lib/invitations/present";
import { NO_OWNERSHIP } from "@/lib/ownership/ownership";
import { presentLesson } from "@/lib/lessons/present";
import { DEFAULT_THRESHOLDS } from "@/lib/consensus/consensus";

/** Every model whose rows are someone's contribution, or hold one. */
const CONTRIBUTION_MODELS = [
  "Annotation",
  "AnnotationReply",
  "AnnotationTheme",
  "ThemeProposal",
  "Lesson",
  "LessonTheme",
  "LessonEvidence",
  "Stance",
  "LessonMergeNotice",
  "Passage",
  "MeetingNote",
  "MeetingNoteUpdate",
  "MeetingNoteVersion",
  "MeetingNoteGeneration",
];

/** The fields of each model in prisma/schema.prisma: name and type. */
function modelFields(): Map<string, { name: string; type: string }[]> {
  const schema = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  const models = new Map<string, { name: string; type: string }[]>();
  for (const match of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const fields = match[2]!
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => /^\w+\s+\w/.test(line) && !line.startsWith("@@") && !line.startsWith("//"))
      .map((line) => {
        const [name, type] = line.split(/\s+/);
        return { name: name!, type: type!.replace(/[?[\]]/g, "") };
      });
    models.set(match[1]!, fields);
  }
  return models;
}

describe("contribution tables", () => {
  const models = modelFields();

  it("are all in the schema", () => {
    for (const model of CONTRIBUTION_MODELS) expect(models.has(model), model).toBe(true);
  });

  it("have no field that holds or references a user", () => {
    const offenders = CONTRIBUTION_MODELS.flatMap((model) =>
      models.get(model)!.filter((field) => field.type === "User" || /^(user|author|creator|createdBy|updatedBy|owner)(Id)?$/i.test(field.name)).map((field) => `${model}.${field.name}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe("presenters", () => {
  const CANARY = "CANARY-d41d8cd98f00";
  /** A row with every column a presenter might read, plus columns it must never pass on. */
  const extra = { [`leak_${CANARY}`]: CANARY, ownerTag: CANARY, authorId: CANARY, userId: CANARY };
  const date = new Date("2024-06-13T10:00:00Z");
  const passage = { id: "p1", workshopId: "w1", sourceId: "s1", revision: 1, exact: "quote", prefix: "", suffix: "", start: 0, end: 5, state: "PLACED" as const, ...extra };
  const audience: Audience = { viewerId: "u1", isModerator: true, ownership: NO_OWNERSHIP };
  const reply = { id: "r1", annotationId: "a1", body: "reply", hiddenAt: null, editedAt: null, createdAt: date, updatedAt: date, ...extra };
  const annotation = { id: "a1", workshopId: "w1", passageId: "p1", comment: "c", hiddenAt: null, editedAt: null, createdAt: date, updatedAt: date, passage, themes: [{ annotationId: "a1", themeId: "t1", ...extra }], replies: [reply], ...extra };
  const source = { id: "s1", workshopId: "w1", title: "t", authors: [], publisher: "", publishedOn: "", url: "", shortCitation: "", format: "TEXT" as const, originalText: CANARY, markup: "text", text: "text", revision: 1, position: 0, createdAt: date, updatedAt: date, ...extra };
  const theme = { id: "t1", workshopId: "w1", name: "n", nameKey: "n", description: "", color: "teal", position: 0, createdAt: date, ...extra };
  const proposal = { id: "tp1", workshopId: "w1", name: "n", description: "", reason: "", status: "PENDING" as const, response: "", themeId: null, createdAt: date, decidedAt: null, ...extra };
  const workshop = { id: "w1", title: "t", description: "", date: null, place: "", attribution: "CHATHAM_HOUSE" as const, status: "OPEN" as const, isDemo: false, codebookOriginId: null, closedAt: null, sealedAt: null, holdStances: false, stancesRevealedAt: null, consensusThresholds: null, participantsEditNote: true, retentionDays: null, retentionAppliedAt: null, createdAt: date, updatedAt: date, ...extra };
  const user = { id: "u2", name: "n", email: "e@x.test", emailVerified: null, image: null, organization: null, locale: null, createdAt: date, ...extra };
  const membership = { ...extra, id: "m1", workshopId: "w1", userId: "u2", role: "PARTICIPANT" as const, createdAt: date, user };
  const invitation = { id: "i1", workshopId: "w1", email: "e@x.test", role: "PARTICIPANT" as const, tokenHash: CANARY, expiresAt: date, acceptedAt: null, revokedAt: null, invitedById: CANARY, createdAt: date, ...extra };

  const lesson = {
    id: "l1", workshopId: "w1", statement: "s", elaboration: "e", hiddenAt: null, editedAt: null, mergedIntoId: null, mergedAt: null, createdAt: date, updatedAt: date,
    themes: [{ lessonId: "l1", themeId: "t1", ...extra }],
    evidence: [{ id: "e1", lessonId: "l1", passageId: "p1", note: "n", createdAt: date, passage: { ...passage, source: { ...source, shortCitation: "s" } }, ...extra }],
    ...extra,
  };
  const lessonContext = { eligible: 9, thresholds: DEFAULT_THRESHOLDS, held: false, noteLessonIds: new Set(["l1"]) };
  const tally = { endorse: 3, dispute: 3, myStance: "ENDORSE" as const };

  it("presentLesson gives exactly the contract's fields: `mine` and `myStance`, never an author or a tag", () => {
    const presented = presentLesson(lesson, tally, lessonContext, audience);
    expect(Object.keys(presented).sort()).toEqual(
      ["id", "statement", "elaboration", "themeIds", "evidence", "strength", "consensus", "agreement", "myStance", "mine", "isHidden", "isEdited", "inNote", "when"].sort(),
    );
    expect(Object.keys(presented.evidence[0]!).sort()).toEqual(["id", "note", "passage", "source"]);
    expect(Object.keys(presented.evidence[0]!.source).sort()).toEqual(["id", "title"]);
    expect(presented.consensus).toEqual({ consensus: "diverged", counts: { endorse: 3, dispute: 3, eligible: 9 } });
    expect(presented.inNote).toBe(true);
    expect(presentLesson(lesson, tally, { ...lessonContext, noteLessonIds: new Set() }, audience).inNote).toBe(false);
  });

  it.each([
    ["presentLesson", () => presentLesson(lesson, tally, lessonContext, audience)],
    ["presentLesson (held)", () => presentLesson(lesson, tally, { ...lessonContext, held: true }, audience)],
    ["presentAnnotation", () => presentAnnotation(annotation, audience)],
    ["presentReply", () => presentReply(reply, audience)],
    ["presentPassage", () => presentPassage(passage)],
    ["presentCitedPassage", () => presentCitedPassage(passage, { ...source, shortCitation: "s" })],
    ["presentSource", () => presentSource(source)],
    ["presentSourceSummary", () => presentSourceSummary(source)],
    ["presentTheme", () => presentTheme(theme)],
    ["presentThemeProposal", () => presentThemeProposal(proposal, NO_OWNERSHIP)],
    ["presentWorkshop", () => presentWorkshop(workshop, membership)],
    ["presentMemberForOrganizer", () => presentMemberForOrganizer(membership, "u1")],
    ["presentInvitation", () => presentInvitation(invitation)],
  ])("%s picks its fields: no column it was not written to pass on gets out", (_name, present) => {
    expect(JSON.stringify(present())).not.toContain(CANARY);
  });
});
