import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { recordPage, requestAndRecord } from "./capture";
import type { ScanMember } from "./annotations-scenario";

/**
 * The codebook with everyone watching: the organizer adds themes, every other member proposes
 * one from the page, and the organizer accepts one, edits then accepts another, and declines the
 * third. Each step reaches everyone live (`codebook:changed` frames, then the page fetches the
 * themes and proposals, all recorded). Proposals are shown to everyone and must never say whose
 * they are: only `mine`. Returns the proposal names, which every member must have received.
 */
export async function proposeAndDecideThemes(members: readonly ScanMember[], organizer: ScanMember, workshopId: string): Promise<string[]> {
  const url = `/workshops/${workshopId}/themes`;
  await Promise.all(members.map((member) => member.page.goto(url)));
  for (const member of members) await expect(member.page.getByTestId("live-count")).toHaveText(`${members.length} people here now`);

  const tag = randomUUID().slice(0, 6);
  const form = organizer.page.getByRole("region", { name: "Add a theme" });
  for (const name of [`Mandate ${tag}`, `Consent ${tag}`]) {
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Add theme" }).click();
    for (const member of members) await expect(member.page.getByRole("list", { name: /^Codebook/ })).toContainText(name);
  }

  const proposers = members.filter((member) => member !== organizer);
  const names = proposers.map((_, index) => `Proposal ${index + 1} ${tag}`);
  for (const [index, proposer] of proposers.entries()) {
    const propose = proposer.page.getByRole("region", { name: "Propose a theme" });
    await propose.getByLabel("Name").fill(names[index]!);
    await propose.getByLabel("Why is it needed? (optional)").fill(`Reason ${index + 1}, "quoted" ${tag}`);
    await propose.getByRole("button", { name: "Propose" }).click();
    await expect(propose.getByRole("status")).toBeVisible();
  }
  const proposalOf = (member: ScanMember, name: string) =>
    member.page.getByRole("list", { name: "Theme proposals" }).getByRole("listitem").filter({ has: member.page.getByRole("heading", { name: new RegExp(`^${name}`) }) });
  for (const member of members) {
    for (const [index, name] of names.entries()) {
      const item = proposalOf(member, name);
      await expect(item).toContainText("Awaiting decision");
      // Only its proposer sees it as theirs; nobody sees whose it is.
      if (member === proposers[index]) await expect(item).toContainText("yours");
      else await expect(item).not.toContainText("yours");
    }
  }

  await proposalOf(organizer, names[0]!).getByRole("button", { name: `Accept “${names[0]}”` }).click();
  await proposalOf(organizer, names[1]!).getByRole("button", { name: `Edit, then accept: “${names[1]}”` }).click();
  const editing = organizer.page.getByRole("form", { name: `Edit, then accept: “${names[1]}”` });
  await editing.getByLabel("Name").fill(`Edited ${names[1]}`);
  await editing.getByRole("button", { name: "Accept with these changes" }).click();
  await proposalOf(organizer, names[2]!).getByRole("button", { name: `Decline “${names[2]}”` }).click();
  await organizer.page.getByLabel("Reason for declining").fill(`Out of scope ${tag}`);
  await organizer.page.getByRole("button", { name: "Decline proposal" }).click();

  for (const member of members) {
    await expect(proposalOf(member, names[2]!)).toContainText(`Out of scope ${tag}`);
    await expect(member.page.getByRole("list", { name: /^Codebook/ })).toContainText(`Edited ${names[1]}`);
    await expect(proposalOf(member, names[0]!)).toContainText("Accepted");
    await recordPage(member.page, member.received);
  }
  return names;
}

/** What a member's script could read of the codebook: the lists, both exports, and (organizers) usage. */
export async function readCodebook(member: ScanMember, workshopId: string): Promise<void> {
  const base = `/api/workshops/${workshopId}`;
  const themes = await requestAndRecord(member.page, `${base}/themes`, member.received);
  await requestAndRecord(member.page, `${base}/theme-proposals`, member.received);
  for (const format of ["json", "qdc"]) {
    expect((await requestAndRecord(member.page, `${base}/themes/export?format=${format}`, member.received)).status()).toBe(200);
  }
  const [first] = ((await themes.json()) as { themes: { id: string }[] }).themes;
  await requestAndRecord(member.page, `${base}/themes/${first!.id}/usage`, member.received);
}
