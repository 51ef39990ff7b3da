import { expect } from "@playwright/test";
import { acceptInvitation, inviteMember, uniqueTitle, workshopIdFromUrl } from "../fixtures/workshops";
import { recordPage } from "./capture";
import { addScanSource, annotateAndReply, downloadExports, type ScanMember } from "./annotations-scenario";
import { expectToast } from "../fixtures/toast";

/** The organizer seals the workshop from its settings, through the dialog. */
export async function sealFromSettings(organizer: ScanMember, workshopId: string): Promise<void> {
  await organizer.page.goto(`/workshops/${workshopId}/settings`);
  await organizer.page.getByRole("button", { name: "Seal the workshop…" }).click();
  await organizer.page.getByRole("alertdialog").getByRole("button", { name: "Seal the workshop" }).click();
  await expect(organizer.page.getByRole("status").filter({ hasText: "The workshop is sealed." })).toBeVisible();
  await recordPage(organizer.page, organizer.received);
}

/** Every member reads a source's reader page and its annotations, exports included, once more. */
export async function readSourceAgain(members: readonly ScanMember[], workshopId: string, sourceId: string, written: { comments: string[]; replies: string[] }): Promise<void> {
  for (const member of members) {
    await member.page.goto(`/workshops/${workshopId}/sources/${sourceId}`);
    for (const comment of written.comments) await expect(member.page.getByRole("article").filter({ hasText: comment })).toBeVisible();
    await recordPage(member.page, member.received);
    await downloadExports(member, workshopId, sourceId, written);
  }
}

/**
 * A workshop held attributed (names shown on purpose), where three members annotate and everyone
 * replies; the organizer then switches it to the Chatham House Rule. Returns its id, source and
 * what was written, for everyone to read again afterwards.
 */
export async function attributedThenChathamHouse(members: readonly (ScanMember & { email: string })[], organizer: ScanMember, baseURL: string) {
  const title = uniqueTitle("Attributed scan");
  await organizer.page.goto("/workshops/new");
  await organizer.page.getByLabel("Title").fill(title);
  await organizer.page.getByRole("radio", { name: /^Attributed/ }).check();
  await organizer.page.getByRole("button", { name: "Create workshop" }).click();
  await expect(organizer.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const workshopId = workshopIdFromUrl(organizer.page);
  for (const member of members) {
    if (member === organizer) continue;
    const link = await inviteMember(organizer.page, workshopId, { email: member.email, role: "Participant", workshopTitle: title });
    await acceptInvitation(member.page, link);
  }
  const sourceId = await addScanSource(organizer, workshopId, baseURL);
  const written = await annotateAndReply(members, members.slice(0, 3), workshopId, sourceId, baseURL);

  await organizer.page.goto(`/workshops/${workshopId}/settings`);
  await organizer.page.getByRole("radio", { name: /^Chatham House/ }).check();
  await organizer.page.getByRole("button", { name: "Save changes" }).click();
  await expectToast(organizer.page, "Changes saved.");
  return { workshopId, sourceId, written };
}
