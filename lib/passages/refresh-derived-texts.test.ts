import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createAnnotationRow, createMember, createWorkshop } from "@/test/factories";
import { refreshDerivedTexts } from "./refresh-derived-texts";

const prisma = registerTestDatabase();

describe("refreshDerivedTexts", () => {
  it("re-derives the text of a source stored under the old parser and moves its passages with it", async () => {
    const workshop = await createWorkshop();
    const { user } = await createMember(workshop.id, "PARTICIPANT");
    // Stored before lists were read: the text kept the "- " markers.
    const markup = "Findings:\n\n- Consent of the host state faded.\n\n- Partners stepped in late.";
    const oldText = "Findings:\n\n- Consent of the host state faded.\n\n- Partners stepped in late.";
    const source = await prisma().source.create({
      data: { workshopId: workshop.id, title: "Old import", format: "HTML", originalText: markup, markup, text: oldText, position: 0 },
    });
    const quote = "Partners stepped in late";
    const annotation = await createAnnotationRow(source, user.id, { start: oldText.indexOf(quote), end: oldText.indexOf(quote) + quote.length });
    const untouched = await prisma().source.create({
      data: { workshopId: workshop.id, title: "Plain", format: "TEXT", originalText: "Plain text.", markup: "Plain text.", text: "Plain text.", position: 1 },
    });

    expect(await refreshDerivedTexts(prisma())).toBe(1);
    const stored = await prisma().source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.text).not.toContain("- ");
    expect(stored.revision).toBe(2);
    const passage = (await prisma().annotation.findUniqueOrThrow({ where: { id: annotation.id }, include: { passage: true } })).passage;
    expect(passage).toMatchObject({ state: "PLACED", revision: 2, exact: quote });
    expect(stored.text.slice(passage.start!, passage.end!)).toBe(quote);
    expect((await prisma().source.findUniqueOrThrow({ where: { id: untouched.id } })).revision).toBe(1);

    // Idempotent: a second start changes nothing.
    expect(await refreshDerivedTexts(prisma())).toBe(0);
  });
});
