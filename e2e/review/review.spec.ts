import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { openDemoWorkshop } from "../fixtures/workshops";
import { expectNoAxeViolations } from "../fixtures/axe";
import { createReadingWorkshop } from "../fixtures/reader";

// Reads the seeded demo only: nothing here changes it. The review renders every lesson and three
// sources' text, and axe reads all of it: on a busy machine that takes longer than the default.
test.describe.configure({ timeout: 90_000 });

async function openReview(page: Page, person = "Olivia Organizer"): Promise<string> {
  await signInAsDemo(page, person);
  const workshopId = await openDemoWorkshop(page);
  await page.getByRole("navigation", { name: /Workshop|Atelier/ }).getByRole("link", { name: /Review|Bilan/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Review|Bilan/ })).toBeVisible();
  return workshopId;
}

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("each theme's lessons carry the board's phrase, and the chart's table counts exactly them", async ({ page }) => {
    const workshopId = await openReview(page);
    const themes = page.getByTestId("review-theme");
    expect(await themes.count()).toBeGreaterThan(1);
    const rows = await page.locator("[data-testid=review-theme] tr[data-lesson-id]").evaluateAll((elements) =>
      elements.map((row) => ({
        theme: row.closest("section")!.querySelector("h3")!.textContent!,
        lessonId: row.getAttribute("data-lesson-id")!,
        className: row.querySelector("[data-testid=review-class]")!.getAttribute("data-class")!,
        label: row.querySelector("[data-testid=review-class]")!.textContent!,
      })),
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);

    // The table alternative: per theme and class, the number of lessons listed under that theme.
    const figure = page.getByRole("figure", { name: "How consensus is spread across themes" });
    await expect(figure.getByRole("table")).toBeHidden();
    await figure.getByRole("button", { name: "Show as table" }).click();
    await expect(figure.getByRole("button", { name: "Show as table" })).toHaveAttribute("aria-pressed", "true");
    await expect(figure.getByRole("table")).toBeVisible();
    await expect(figure.locator("svg.review-svg")).toBeHidden();
    const cells = await figure.locator("tbody tr").evaluateAll((trs) =>
      trs.flatMap((tr) => [...tr.querySelectorAll("td")].map((td) => ({ theme: tr.querySelector("th")!.textContent!, className: td.getAttribute("data-class")!, count: Number(td.textContent) }))),
    );
    for (const cell of cells) {
      expect(cell.count, `${cell.theme} · ${cell.className}`).toBe(rows.filter((row) => row.theme === cell.theme && row.className === cell.className).length);
    }
    expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(rows.filter((row) => row.className !== "held").length);

    // The same phrases as the board.
    await page.goto(`/workshops/${workshopId}/lessons`);
    for (const row of rows) {
      await expect(page.locator(`#lesson-${row.lessonId}`).getByTestId("lesson-phrase")).toHaveText(row.label);
    }
  });

  test("the heatmap marks the paragraphs the room annotated", async ({ page }) => {
    const workshopId = await openReview(page);
    const coverage = page.getByTestId("source-coverage");
    expect(await coverage.count()).toBe(3);
    let marked = 0;
    for (const section of await coverage.all()) {
      const sourceId = (await section.getByRole("heading").getByRole("link").getAttribute("href"))!.split("/").pop()!;
      const response = await page.request.get(`/api/workshops/${workshopId}/sources/${sourceId}/annotations`);
      const { annotations } = (await response.json()) as { annotations: Array<{ passage: { start: number | null } }> };
      await section.getByText("Show the text with its coverage").click();
      const paragraphs = await section.locator(".review-heat").evaluateAll((elements) =>
        elements.map((element) => ({ start: Number(element.getAttribute("data-start")), length: element.textContent!.length, level: Number(element.getAttribute("data-level")) })),
      );
      for (const { passage } of annotations) {
        if (passage.start === null) continue;
        const paragraph = [...paragraphs].reverse().find((item) => item.start <= passage.start!);
        expect(paragraph?.level, `the paragraph at ${paragraph?.start} holds an annotation at ${passage.start}`).toBeGreaterThan(0);
        marked += 1;
      }
      // The room skipped some of the text: not every paragraph is marked.
      expect(paragraphs.some((paragraph) => paragraph.level === 0)).toBe(true);
    }
    expect(marked).toBeGreaterThan(0);
  });

  test("is accessible, and prints without navigation or buttons", async ({ page }) => {
    const workshopId = await openReview(page);
    await page.getByRole("button", { name: "Show as table" }).first().click();
    await expectNoAxeViolations(page);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Workshop" })).toBeHidden();
    for (const button of await page.getByRole("button").all()) await expect(button).toBeHidden();
    await expect(page.getByRole("combobox", { name: "Theme" })).toBeHidden();
    await expect(page.getByRole("figure").first().locator("svg.review-svg")).toBeVisible();
    await expect(page.getByRole("figure").first().getByRole("table")).toBeVisible();

    await page.emulateMedia({ media: "screen" });
    await page.goto(`/workshops/${workshopId}/lessons`);
    await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Workshop" })).toBeHidden();
    for (const button of await page.getByRole("button").all()) await expect(button).toBeHidden();
    await expect(page.getByRole("link", { name: "Write a lesson" })).toBeHidden();
    await expect(page.getByTestId("lesson-phrase").first()).toBeVisible();
  });
});

test.describe("a theme with many lessons", () => {
  test.use({ locale: "en-US" });

  test("shows the first 50 in board order and the rest from a link the keyboard reaches", async ({ page }) => {
    await signInAsDemo(page, "Olivia Organizer");
    const workshopId = await createReadingWorkshop(page, "Many lessons");
    const origin = new URL(page.url()).origin;
    const themes = (await (await page.request.get(`/api/workshops/${workshopId}/themes`)).json()) as { themes: Array<{ id: string; name: string }> };
    const theme = themes.themes[0]!;
    for (let index = 0; index < 52; index += 1) {
      const response = await page.request.post(`/api/workshops/${workshopId}/lessons`, {
        headers: { origin },
        data: { statement: `Lesson number ${String(index).padStart(2, "0")} on the mandate.`, themeIds: [theme.id] },
      });
      expect(response.status(), await response.text()).toBe(201);
    }
    await page.goto(`/workshops/${workshopId}/review`);
    const section = page.getByTestId("review-theme").filter({ has: page.getByRole("heading", { level: 3, name: theme.name }) });
    await expect(section.locator("tr[data-lesson-id]")).toHaveCount(50);
    const showAll = section.getByRole("link", { name: "Show all 52 lessons of this theme (50 shown)" });
    await showAll.focus();
    await page.keyboard.press("Enter");
    await expect(section.locator("tr[data-lesson-id]")).toHaveCount(52);
    await expect(showAll).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("the review reads in French and is accessible", async ({ page }) => {
    await openReview(page, "Dalia Participant");
    await expect(page.getByRole("heading", { level: 3, name: "Répartition du consensus par thème" })).toBeVisible();
    await page.getByRole("button", { name: "Afficher en tableau" }).first().click();
    await expectNoAxeViolations(page);
  });
});

