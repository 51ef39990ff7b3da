import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { completeProfileStep, requestMagicLink } from "../fixtures/magic-link";
import { acceptInvitation, createWorkshop, inviteMember, uniqueTitle } from "../fixtures/workshops";
import { findMail } from "../fixtures/mail";
import { recordContext, recordPage, requestAndRecord, type Received } from "./capture";
import { describeLeaks, findLeaks, type Canaries } from "./scan";
import { addScanSource, annotateAndReply, downloadExports, hideAndShowAgain } from "./annotations-scenario";
import { NOTE_EXPORT_FORMATS, downloadNoteExports, writeNoteTogether } from "./note-scenario";
import { proposeAndDecideThemes, readCodebook } from "./codebook-scenario";
import { attributedThenChathamHouse, readSourceAgain, sealFromSettings } from "./ownership-scenario";
import { writeLessonsAndTakeStances } from "./lessons-scenario";
import { GUARD_PATH, buildNoteAndSignOff, isGuardDetailFor } from "./note-product-scenario";
import { readReview } from "./review-scenario";
import { expectToast } from "../fixtures/toast";
import { searchEverything } from "./search-scenario";
import { readEverythingWithAToken } from "./tokens-scenario";
import { WORKSHOP_EXPORTS, downloadWorkshopExports } from "./exports-scenario";

/**
 * The anonymity scanner. Four members with unique canaries (name, email, organization, user
 * agent, user id) do everything the app offers — including annotating a source, replying live
 * and downloading its annotation exports, writing the live meeting note together (Yjs
 * updates and caret awareness), and proposing themes that the organizer accepts, edits or
 * declines live, writing lessons, taking stances on each other's and merging two;
 * everything each of them receives is recorded:
 * HTTP headers and bodies (HTML, RSC payloads, JSON, exports), rendered pages, socket.io
 * frames, mail.
 * No member may receive another member's canaries, except the member list that organizers see.
 * The server log must hold no member's canaries at all.
 */

const SERVER_LOG = path.resolve("test-results/e2e-server.log");
const ROLES = ["Organizer", "Rapporteur", "Participant", "Observer"] as const;

interface Member {
  label: string;
  role: (typeof ROLES)[number];
  email: string;
  name: string;
  organization: string;
  userAgent: string;
  userId: string;
  context: BrowserContext;
  page: Page;
  received: Received[];
}

function canariesOf(member: Member): Canaries {
  return { label: member.label, values: [member.name, member.email, member.organization, member.userAgent, member.userId] };
}

async function joinAsNewPerson(browser: Browser, role: Member["role"], index: number): Promise<Member> {
  const tag = randomUUID().slice(0, 8);
  const userAgent = `Mozilla/5.0 (X11; Linux x86_64) CanaryAgent/${tag}${index}`;
  const context = await browser.newContext({ userAgent });
  const received = recordContext(context);
  const page = await context.newPage();
  const member = {
    label: `member ${index} (${role})`,
    role,
    email: `canary-${tag}-${index}@example.test`,
    // An accent the attribution guard folds away: the note can then name someone without
    // carrying their canary, and only the guard's answer can carry it as written.
    name: `Canarynamé ${tag}${index}`,
    organization: `Canaryorg ${tag}${index}`,
    userAgent,
    userId: "",
    context,
    page,
    received,
  };
  await page.goto("/sign-in");
  await page.goto(await requestMagicLink(page, member.email));
  // The first sign-in's profile step: the canaries go in where a newcomer types them.
  await completeProfileStep(page, { name: member.name, organization: member.organization });
  await expect(page).toHaveURL(/\/workshops$/);
  const session = await (await page.request.get("/api/auth/session")).json();
  // Own canaries must reach their owner: proof that the scanner sees what a member receives.
  member.userId = session.user.id;
  expect(member.userId).toBeTruthy();
  return member;
}

/** What every member does: every page, API route and socket event open to them. */
async function visitEverything(member: Member, workshopId: string): Promise<void> {
  const { page } = member;
  for (const url of ["/workshops", `/workshops/${workshopId}`, "/account", "/workshops/new"]) {
    await page.goto(url);
    await recordPage(page, member.received);
  }
  for (const url of [
    `/workshops/${workshopId}/members`,
    `/workshops/${workshopId}/settings`,
    `/workshops/${workshopId}/themes`,
    `/workshops/${workshopId}/lessons`,
    `/workshops/${workshopId}/lessons/new`,
    "/workshops/not-a-workshop",
  ]) {
    await page.goto(url);
    await recordPage(page, member.received);
  }
  for (const url of ["/api/workshops", `/api/workshops/${workshopId}`, `/api/workshops/${workshopId}/lessons`, `/api/workshops/${workshopId}/note/references`, "/api/workshops/not-a-workshop", "/api/health", "/api/auth/session"]) {
    await requestAndRecord(page, url, member.received);
  }
  await page.goto(`/workshops/${workshopId}`);
  await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
  await expect(page.getByText("Règle de Chatham House")).toBeVisible();
  await recordPage(page, member.received);
  await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
  await expect(page.getByText("Chatham House Rule:")).toBeVisible();
}

test("no member ever receives another member's identity", async ({ browser, baseURL }) => {
  // The whole-workshop exports (two archive bundles, each with its PDF) add a minute or more on a busy machine.
  test.setTimeout(720_000);
  const members: Member[] = [];
  for (const [index, role] of ROLES.entries()) members.push(await joinAsNewPerson(browser, role, index));
  const [organizer, ...others] = members;

  const title = uniqueTitle("Anonymity scan");
  const workshopId = await createWorkshop(organizer.page, { title });
  for (const member of others) {
    const link = await inviteMember(organizer.page, workshopId, { email: member.email, role: member.role, workshopTitle: title });
    await acceptInvitation(member.page, link);
  }

  // Everyone on the workshop page at once: presence frames flow between all of them.
  await Promise.all(members.map((member) => member.page.goto(`/workshops/${workshopId}`)));
  await expect(organizer.page.getByTestId("live-count")).toHaveText("4 people here now");

  // Organizer-only actions that touch other people: role change (kicks sockets), settings.
  await organizer.page.goto(`/workshops/${workshopId}/members`);
  const observerRow = organizer.page.getByRole("row").filter({ hasText: others[2].email });
  await observerRow.getByRole("combobox").selectOption({ label: "Participant" });
  await observerRow.getByRole("button", { name: "Change role" }).click();
  await expect(observerRow.getByRole("combobox")).toHaveValue("PARTICIPANT");
  await recordPage(organizer.page, organizer.received);
  await organizer.page.goto(`/workshops/${workshopId}/settings`);
  await organizer.page.getByLabel("Description").fill("Scanned for leaks.");
  await organizer.page.getByRole("button", { name: "Save changes" }).click();
  await expectToast(organizer.page, "Changes saved.");

  // Annotations, live frames, replies and both exports. The observer is a participant by now,
  // so everyone replies; the first three annotate.
  const sourceId = await addScanSource(organizer, workshopId, baseURL!);
  const written = await annotateAndReply(members, members.slice(0, 3), workshopId, sourceId, baseURL!);
  await hideAndShowAgain(members, organizer, members[2]!, written.comments[2]!);
  for (const member of members) await downloadExports(member, workshopId, sourceId, written);
  const proposals = await proposeAndDecideThemes(members, organizer, workshopId);
  for (const member of members) await readCodebook(member, workshopId);
  const lessons = await writeLessonsAndTakeStances(members, workshopId, sourceId, baseURL!);
  await writeNoteTogether(members, workshopId);
  await buildNoteAndSignOff(members, workshopId, lessons[0]!);
  for (const member of members) await downloadNoteExports(member, workshopId, `Point ${members.length} of the note.`);
  for (const member of members) await readReview(member, workshopId);
  for (const member of members) await downloadWorkshopExports(member, workshopId);

  for (const member of members) await visitEverything(member, workshopId);
  for (const member of members) await searchEverything(member, workshopId);

  // Scripts: the organizer and a participant (who organizes a workshop of their own, so may hold
  // a token) read every JSON route of the API with read tokens and no cookie.
  const tokenHolders = [organizer, others[1]];
  const tokens = [
    await readEverythingWithAToken(organizer, workshopId, baseURL!, { organizeOwnWorkshop: false }),
    await readEverythingWithAToken(others[1], workshopId, baseURL!, { organizeOwnWorkshop: true }),
  ];

  // Sealed: contributions belong to nobody now; everyone reads everything again.
  await sealFromSettings(organizer, workshopId);
  await readSourceAgain(members, workshopId, sourceId, written);
  for (const member of members) await readCodebook(member, workshopId);
  for (const member of members) await readReview(member, workshopId);
  for (const member of members) await visitEverything(member, workshopId);

  // A workshop held attributed, then switched to the Chatham House Rule: everyone reads it again.
  const attributed = await attributedThenChathamHouse(members, organizer, baseURL!);
  await readSourceAgain(members, attributed.workshopId, attributed.sourceId, attributed.written);
  for (const member of members) await visitEverything(member, attributed.workshopId);

  for (const member of members) {
    for (const mail of await findMail(member.email)) {
      member.received.push({ kind: "mail", source: mail.subject, text: `${mail.subject}\n${mail.text}\n${mail.html ?? ""}` });
    }
  }

  // The member lists of both workshops (the organizer invites everyone to the attributed one too).
  const membersPages = new Set([`/workshops/${workshopId}/members`, `/workshops/${attributed.workshopId}/members`]);
  const isOrganizersMemberList = (item: Received) =>
    (item.kind === "http" || item.kind === "page") && membersPages.has(new URL(item.source.replace(/^[A-Z]+ /, "")).pathname);
  const leaks = members.flatMap((member) =>
    findLeaks(
      member.label,
      member.received,
      members.filter((other) => other !== member).map(canariesOf),
      (item) => (member === organizer && isOrganizersMemberList(item)) || isGuardDetailFor(member)(item),
    ),
  );
  expect(leaks, `identity leaks:\n${describeLeaks(leaks)}`).toEqual([]);

  // The scanner sees what it should: each member's own email reaches them, and the organizer's
  // member list does name the others.
  for (const member of members) {
    expect(member.received.some((item) => item.text.includes(member.email))).toBe(true);
    expect(member.received.some((item) => item.kind === "socket" && item.text.includes("annotation:upserted"))).toBe(true);
    for (const event of ["note:update", "note:awareness"]) {
      expect(member.received.some((item) => item.kind === "socket" && item.text.includes(event)), event).toBe(true);
    }
    for (const format of NOTE_EXPORT_FORMATS) {
      expect(member.received.some((item) => item.source.endsWith(`/note/export?format=${format}`) && item.text.includes("of the note."))).toBe(true);
    }
    // The note's text arrived in binary Yjs frames, which the scan reads too.
    expect(member.received.some((item) => item.kind === "socket" && item.text.includes("of the note."))).toBe(true);
    for (const format of ["jsonld", "csv"]) {
      expect(member.received.some((item) => item.source.endsWith(`/annotations/export?format=${format}`))).toBe(true);
    }
    // Codebook changes arrived live, and the proposals (every one, decided) in what the page fetched.
    expect(member.received.some((item) => item.kind === "socket" && item.text.includes("codebook:changed"))).toBe(true);
    for (const name of proposals) {
      expect(member.received.some((item) => item.kind === "http" && item.source.includes("/theme-proposals") && item.text.includes(name)), name).toBe(true);
    }
    // Lessons and stances arrived live and on the board, from everyone's contributions.
    expect(member.received.some((item) => item.kind === "socket" && item.text.includes("lesson:upserted"))).toBe(true);
    for (const statement of lessons) {
      expect(member.received.some((item) => item.kind === "page" && item.source.endsWith("/lessons") && item.text.includes(statement)), statement).toBe(true);
    }
    for (const format of ["json", "qdc"]) {
      expect(member.received.some((item) => item.source.endsWith(`/themes/export?format=${format}`))).toBe(true);
    }
  }
  expect(organizer.received.some((item) => isOrganizersMemberList(item) && item.text.includes(others[0].name))).toBe(true);
  // Search found everyone's lessons, on the page and through the JSON route (the matched word
  // "scan" is a segment of its own: what follows it arrives whole).
  for (const member of members) {
    for (const statement of lessons) {
      const tail = statement.split("scan")[1]!;
      expect(member.received.some((item) => item.kind === "page" && item.source.includes("/search?") && item.text.includes(tail)), statement).toBe(true);
      expect(member.received.some((item) => item.kind === "http" && item.source.includes("/search?") && item.text.includes(tail)), statement).toBe(true);
    }
    expect(member.received.some((item) => item.kind === "page" && item.source.endsWith("/workshops/compare"))).toBe(true);
  }
  // The note as product: references, versions, the guard's answers, sign-off, footnoted exports.
  for (const member of members) {
    expect(member.received.some((item) => item.kind === "http" && item.source.includes("/note/references") && item.text.includes(lessons[0]!))).toBe(true);
    expect(member.received.some((item) => item.kind === "page" && /\/note\/versions\/[^/]+$/.test(item.source))).toBe(true);
    expect(member.received.some((item) => item.kind === "page" && /\/review\?theme=/.test(item.source))).toBe(true);
    expect(member.received.some((item) => item.kind === "socket" && item.text.includes("note:status"))).toBe(true);
    expect(member.received.some((item) => GUARD_PATH.test(item.source) && item.text.includes("my delegation"))).toBe(true);
    expect(member.received.some((item) => item.source.endsWith("/note/export?format=md") && item.text.includes("[^2]:"))).toBe(true);
  }
  // The whole-workshop exports and every file of the archive bundle reached those who may export.
  for (const member of members.slice(0, 2)) {
    for (const path of WORKSHOP_EXPORTS) {
      expect(member.received.some((item) => item.source.endsWith(`/export/${path}`)), path).toBe(true);
    }
    for (const file of ["README.md", "note/meeting-note.pdf", "note/meeting-note.docx", "lessons/lessons.csv", "annotations/annotations.jsonld", "codebook/codebook.qdc"]) {
      expect(member.received.some((item) => item.source.includes("/export/archive → ") && item.source.endsWith(file)), file).toBe(true);
    }
    expect(member.received.some((item) => item.source.endsWith("lessons/lessons.json") && item.text.includes(lessons[0]!))).toBe(true);
  }
  // A dismissal and its undo, the reopening and the second sign-off were answered and recorded.
  expect(others[1].received.filter((item) => item.source.includes("/note/guard/dismissals")).map((item) => item.source.split(" ")[0])).toEqual(["POST", "DELETE"]);
  expect(organizer.received.some((item) => item.source.startsWith("POST") && item.source.endsWith("/note/reopen"))).toBe(true);
  expect(others[0].received.some((item) => item.source.startsWith("POST") && item.source.endsWith("/note/sign-off"))).toBe(true);
  // The guard really matched the organizer's name: the rapporteur was told whose it is.
  expect(others[0].received.some((item) => GUARD_PATH.test(item.source) && item.text.includes(organizer.name))).toBe(true);

  const log = fs.readFileSync(SERVER_LOG, "utf8");
  const logLeaks = findLeaks("the server log", [{ kind: "http", source: SERVER_LOG, text: log }], members.map(canariesOf));
  expect(logLeaks, `canaries in the server log:\n${describeLeaks(logLeaks)}`).toEqual([]);

  // Access tokens reach their holder once, and nobody else; the server never logs them.
  for (const [index, secret] of tokens.entries()) {
    expect(tokenHolders[index].received.some((item) => item.kind === "page" && item.text.includes(secret))).toBe(true);
    for (const member of members.filter((other) => other !== tokenHolders[index])) {
      expect(member.received.filter((item) => item.text.includes(secret)).map((item) => item.source), member.label).toEqual([]);
    }
    expect(log.includes(secret), "an access token in the server log").toBe(false);
    expect(log.includes(secret.slice(4)), "an access token's secret in the server log").toBe(false);
  }
  // The scripts' answers were recorded (and scanned above) as what their holders received.
  for (const holder of tokenHolders) {
    expect(holder.received.some((item) => item.kind === "http" && item.source.startsWith("GET") && item.source.endsWith(`/api/workshops/${workshopId}/theme-proposals`))).toBe(true);
  }

  await Promise.all(members.map((member) => member.context.close()));
});
