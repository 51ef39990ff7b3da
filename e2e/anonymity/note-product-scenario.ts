import { expect } from "@playwright/test";
import { recordApiResponse, recordPage, requestAndRecord, type Received } from "./capture";
import type { ScanMember } from "./annotations-scenario";
import { moveCaret } from "../note/note-helpers";

/** A scanned member as this scenario needs them: their role and name matter to the guard. */
export interface NoteScanMember extends ScanMember {
  role: string;
  name: string;
}

/** Where the attribution guard answers: organizers and rapporteurs are told whose name matched. */
export const GUARD_PATH = /\/note\/guard(\/|$|\?)/;

/** The part of a member's name the guard folds away: typed without it, the name is not a canary. */
export function foldedName(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The meeting note as the product's output: the organizer pulls a lesson in and cites a passage and
 * a resolution; the rapporteur writes the organizer's name (folded, so that only the guard's answer
 * can carry it as the organizer wrote it) and a speaker phrase; everyone's open note checks it
 * live; a participant dismisses a warning and takes it back; the organizer keeps a version;
 * everyone lists versions and reads one; the rapporteur signs the note off past the checklist, the
 * organizer reopens it and the rapporteur signs it off again. Every answer, frame and page is recorded.
 */
export async function buildNoteAndSignOff(members: NoteScanMember[], workshopId: string, lessonStatement: string): Promise<void> {
  const [organizer, rapporteur, participant, observer] = members as [NoteScanMember, NoteScanMember, NoteScanMember, NoteScanMember];
  const organizerNote = organizer.page.getByRole("textbox", { name: "Meeting note" });

  // A lesson from the panel, then footnotes: an annotated passage and a free-text resolution.
  const panel = organizer.page.getByRole("complementary", { name: "Lessons" });
  await panel.getByRole("button", { name: `Insert: ${lessonStatement}` }).click();
  await expect(organizerNote.locator("[data-lesson-ref]")).toHaveCount(1);
  await organizerNote.locator("[data-lesson-ref]").locator("xpath=ancestor::p[1]").click();
  await moveCaret(organizerNote, "End");
  for (const choose of ["annotation", "free text"] as const) {
    await organizer.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Footnote" }).click();
    const dialog = organizer.page.getByRole("dialog", { name: "Add a footnote" });
    if (choose === "annotation") {
      await dialog.getByRole("radio", { name: "A passage someone annotated" }).check();
      await dialog.getByRole("group", { name: "Annotated passage" }).getByRole("radio").first().check();
    } else {
      await dialog.getByRole("radio", { name: "Free text (a resolution, a report…)" }).check();
      await dialog.getByLabel("Footnote text").fill("Security Council resolution 2100 (2013).");
    }
    await dialog.getByRole("button", { name: "Insert the footnote" }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(organizer.page.getByRole("region", { name: "Notes" }).getByRole("listitem")).toHaveCount(2);

  // The rapporteur names the organizer (folded) and speaks for a side: the guard flags both.
  const rapporteurNote = rapporteur.page.getByRole("textbox", { name: "Meeting note" });
  await rapporteurNote.click();
  await moveCaret(rapporteurNote, "Control+End");
  await rapporteur.page.keyboard.press("Enter");
  await rapporteurNote.pressSequentially(`As ${foldedName(organizer.name)} said, my delegation agreed.`);
  for (const member of members) {
    const guard = member.page.getByRole("complementary", { name: "Attribution check" });
    await expect(guard.getByRole("listitem").filter({ hasText: "my delegation" })).toBeVisible();
    await expect(guard.getByRole("listitem").filter({ hasText: foldedName(organizer.name) })).toBeVisible();
    await expect(member.page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  }
  for (const member of [participant, observer]) await recordPage(member.page, member.received);

  // A named version, listed and read by everyone.
  const versions = organizer.page.getByRole("region", { name: "Versions" });
  await versions.getByLabel("Name of the version").fill("Before the break");
  await versions.getByLabel("Name of the version").press("Enter");
  await expect(versions.getByRole("listitem").filter({ hasText: "Before the break" })).toBeVisible();
  for (const member of members) {
    for (const path of ["note/references", "note/versions", "note/guard"]) {
      await requestAndRecord(member.page, `/api/workshops/${workshopId}/${path}`, member.received);
    }
    const listed = (await (await member.page.request.get(`/api/workshops/${workshopId}/note/versions`)).json()) as { versions: { id: string; name: string }[] };
    const version = listed.versions.find((item) => item.name === "Before the break");
    expect(version).toBeDefined();
    await member.page.goto(`/workshops/${workshopId}/note/versions/${version!.id}`);
    await expect(member.page.getByText(lessonStatement)).toBeVisible();
    await recordPage(member.page, member.received);
    await requestAndRecord(member.page, `/api/workshops/${workshopId}/note/versions/${version!.id}`, member.received);
    await member.page.goto(`/workshops/${workshopId}/note`);
  }

  // A participant dismisses the speaker-phrase warning with a reason and takes it back; everyone
  // then reads the warnings, dismissed ones included.
  const origin = new URL(participant.page.url()).origin;
  const guardUrl = `/api/workshops/${workshopId}/note/guard`;
  const check = (await (await participant.page.request.get(guardUrl)).json()) as { warnings: { fingerprint: string; excerpt: string }[] };
  const phrase = check.warnings.find((warning) => warning.excerpt.toLowerCase().includes("my delegation"));
  expect(phrase).toBeDefined();
  const dismissed = await participant.page.request.post(`${guardUrl}/dismissals`, { headers: { origin }, data: { fingerprint: phrase!.fingerprint, reason: "Quoted from a public statement" } });
  expect(dismissed.status(), await dismissed.text()).toBeLessThan(300);
  await recordApiResponse("POST", dismissed, participant.received);
  for (const member of members) await requestAndRecord(member.page, `${guardUrl}?includeDismissed=1`, member.received);
  const undone = await participant.page.request.delete(`${guardUrl}/dismissals/${encodeURIComponent(phrase!.fingerprint)}`, { headers: { origin } });
  expect(undone.status(), await undone.text()).toBeLessThan(300);
  await recordApiResponse("DELETE", undone, participant.received);

  // Signed off past the checklist: everyone's note turns read-only (note:status frames).
  const rapporteurVersions = rapporteur.page.getByRole("region", { name: "Versions" });
  await rapporteurVersions.getByRole("button", { name: "Sign off…" }).click();
  const checklist = rapporteur.page.getByRole("alertdialog", { name: "Before you sign the note off" });
  await expect(checklist.getByRole("listitem")).toHaveCount(2);
  await checklist.getByRole("button", { name: "Sign off anyway" }).click();
  for (const member of members) {
    await expect(member.page.getByRole("region", { name: "Versions" }).getByText("Signed off — read-only")).toBeVisible();
  }

  // The organizer reopens it (a new draft from the signed-off text), then the rapporteur signs it
  // off again: both answers and the frames they send are recorded.
  const reopened = await organizer.page.request.post(`/api/workshops/${workshopId}/note/reopen`, { headers: { origin } });
  expect(reopened.status(), await reopened.text()).toBeLessThan(300);
  await recordApiResponse("POST", reopened, organizer.received);
  for (const member of members) await expect(member.page.getByRole("region", { name: "Versions" }).getByText("Signed off — read-only")).toHaveCount(0);
  const signed = await rapporteur.page.request.post(`/api/workshops/${workshopId}/note/sign-off`, { headers: { origin } });
  expect(signed.status(), await signed.text()).toBeLessThan(300);
  await recordApiResponse("POST", signed, rapporteur.received);
  for (const member of members) await expect(member.page.getByRole("region", { name: "Versions" }).getByText("Signed off — read-only")).toBeVisible();
}

/** Organizers and rapporteurs are told whose name a guard warning matched: by design, not a leak. */
export function isGuardDetailFor(member: NoteScanMember) {
  return (item: Received) => (member.role === "Organizer" || member.role === "Rapporteur") && item.kind === "http" && GUARD_PATH.test(item.source);
}
