import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { openDemoWorkshop } from "../fixtures/workshops";
import { expectNoAxeViolations } from "../fixtures/axe";

const CSIS_TITLE = "Examining Extremism: Jama'at Nasr al-Islam wal Muslimin";

/** Where `phrase` is on screen now: the middle-left of its first letter and middle-right of its last. */
async function locatePhrase(page: Page, phrase: string) {
  return page.locator(".reader-text").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(wanted);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`phrase not found: ${wanted}`);
  }, phrase);
}

/** Drags the mouse across `phrase` in the reader, as a person selecting it would. */
async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  await page.locator(".reader-text p", { hasText: phrase }).first().scrollIntoViewIfNeeded();
  const start = await locatePhrase(page, phrase);
  await page.mouse.move(start.x1, start.y1);
  await page.mouse.down();
  const end = await locatePhrase(page, phrase);
  await page.mouse.move(end.x2, end.y2, { steps: 8 });
  await page.mouse.up();
}

async function openSource(page: Page, title: string): Promise<void> {
  await openDemoWorkshop(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The live count connects once the page is hydrated: from then on, selections are heard.
  await expect(page.getByTestId("live-count")).toContainText(/here now/);
}

/**
 * Fewer than four people in a room: someone else's changes arrive at the end of a 10-second
 * window aligned to the clock (lib/realtime/live-delivery.ts), so each live wait allows it.
 */
const LIVE = { timeout: 15_000 };

test("A highlights a passage and tags a theme; B sees it live and replies; A sees the reply", async ({ browser }) => {
  test.setTimeout(120_000);
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  try {
    await signInAsDemo(pageA, "Amina Participant");
    await signInAsDemo(pageB, "Bruno Participant");
    await openSource(pageA, CSIS_TITLE);
    await openSource(pageB, CSIS_TITLE);

    const phrase = "pastoralist populism";
    await selectWithMouse(pageA, phrase);
    const newAnnotation = pageA.getByRole("region", { name: "New annotation" });
    await expect(newAnnotation.locator("q")).toHaveText(phrase);
    const comment = `Recruitment through local grievances ${Date.now()}`;
    await newAnnotation.getByLabel("Comment (optional)").fill(comment);
    await newAnnotation.getByLabel("Relationship with the host state and population").check();
    await newAnnotation.getByRole("button", { name: "Annotate" }).click();

    const cardA = pageA.getByRole("article").filter({ hasText: comment });
    await expect(cardA).toContainText("yours");
    await expect(cardA).toContainText("Relationship with the host state and population");
    await expect(pageA.locator("mark.highlight", { hasText: phrase }).first()).toBeVisible();

    // B never reloads: the annotation arrives over socket.io, without its author.
    const cardB = pageB.getByRole("article").filter({ hasText: comment });
    await expect(cardB).toBeVisible(LIVE);
    await expect(cardB).not.toContainText("yours");
    await expect(pageB.locator("mark.highlight", { hasText: phrase }).first()).toBeVisible();
    const reply = `It mirrors the Macina Empire ${Date.now()}`;
    await cardB.getByLabel("Your reply").fill(reply);
    await cardB.getByRole("button", { name: "Reply", exact: true }).click();
    await expect(cardB.getByRole("list", { name: "Replies" })).toContainText(reply);

    await expect(cardA.getByRole("list", { name: "Replies" })).toContainText(reply, LIVE);

    // B edits the reply; A sees the new wording live.
    await cardB.getByRole("button", { name: "Edit reply" }).click();
    await cardB.getByLabel("Edit your reply").fill(`${reply}, revised`);
    await cardB.getByRole("button", { name: "Save" }).click();
    await expect(cardA.getByRole("list", { name: "Replies" })).toContainText(`${reply}, revised`, LIVE);
    await expect(cardA.getByRole("listitem").filter({ hasText: `${reply}, revised` }).locator(".badge", { hasText: "edited" })).toBeVisible();
    await expectNoAxeViolations(pageA);

    // Deleting the reply asks first; cancelling keeps it, confirming deletes it for everyone.
    await cardB.getByRole("button", { name: "Delete reply" }).click();
    const replyDialog = pageB.getByRole("alertdialog", { name: "Delete this reply?" });
    await replyDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(replyDialog).toHaveCount(0);
    await expect(cardB.getByRole("list", { name: "Replies" })).toContainText(`${reply}, revised`);
    await cardB.getByRole("button", { name: "Delete reply" }).click();
    await replyDialog.getByRole("button", { name: "Delete the reply" }).click();
    await expect(cardB.getByRole("list", { name: "Replies" })).toHaveCount(0);
    await expect(cardA.getByRole("list", { name: "Replies" })).toHaveCount(0, LIVE);

    await cardA.getByRole("button", { name: "Delete", exact: true }).click();
    await pageA.getByRole("alertdialog", { name: "Delete this annotation?" }).getByRole("button", { name: "Delete the annotation" }).click();
    await expect(cardA).toHaveCount(0);
    await expect(pageB.getByRole("article").filter({ hasText: comment })).toHaveCount(0, LIVE);
  } finally {
    await contextA.close();
    await contextB.close();
  }
});

test("an annotation made with the keyboard alone", async ({ page }) => {
  await signInAsDemo(page, "Dalia Participant");
  await openSource(page, "The Republic of Mali and MINUSMA (executive summary)");

  await page.getByRole("textbox", { name: "Find a passage to annotate" }).focus();
  await page.keyboard.type("Executive Summary");
  await page.keyboard.press("Enter");
  const newAnnotation = page.getByRole("region", { name: "New annotation" });
  await expect(newAnnotation.locator("q")).toHaveText("Executive Summary");
  await expect(page.getByText("Passage selected: adjust it or annotate it.")).toBeVisible();

  const comment = `Keyboard only ${Date.now()}`;
  await newAnnotation.getByLabel("Comment (optional)").focus();
  await page.keyboard.type(comment);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(newAnnotation.getByRole("checkbox").first()).toBeChecked();
  await newAnnotation.getByRole("button", { name: "Annotate" }).focus();
  await page.keyboard.press("Enter");

  const card = page.getByRole("article").filter({ hasText: comment });
  await expect(card).toContainText("yours");
  await page.getByRole("button", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("mark.highlight-active").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await card.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("alertdialog", { name: "Delete this annotation?" }).getByRole("button", { name: "Delete the annotation" }).click();
  await expect(card).toHaveCount(0);
});
