import fs from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeSourceText } from "@/lib/sources/normalize-text";
import { parseMarkup } from "@/lib/sources/markup";
import { themeNameKey } from "@/lib/themes/name-key";
import { THEME_COLOR_KEYS } from "@/lib/themes/palette";
import { DEMO_PEOPLE, DEMO_SOURCES, DEMO_THEMES, DEMO_WORKSHOP } from "./demo-workshop";
import { seedDemoContributions } from "./seed-contributions";

export const DEFAULT_CORPUS_DIR = path.resolve("prisma/seed/corpus");

/**
 * Seeds the demo workshop once: its people, sources (read from the corpus files and stored in
 * the database), themes, and what the demo people wrote: annotations, lessons and stances
 * (./demo-contributions.ts). Returns false when it was already there. Runs in one transaction,
 * so a failed seed leaves nothing behind and is retried at the next start.
 */
export async function seedDemoWorkshop(db: PrismaClient, corpusDir = DEFAULT_CORPUS_DIR): Promise<boolean> {
  if (await db.workshop.findFirst({ where: { isDemo: true }, select: { id: true } })) return false;
  // Each source's citation (its corpus file name is not stored) with the text read from that file.
  const sources = await Promise.all(
    DEMO_SOURCES.map(async ({ file, ...citation }) => ({ citation, originalText: await fs.readFile(path.join(corpusDir, file), "utf8") })),
  );

  await db.$transaction(async (tx) => {
    const users: { id: string }[] = [];
    for (const person of DEMO_PEOPLE) {
      users.push(
        await tx.user.upsert({
          where: { email: person.email },
          create: { email: person.email, name: person.name, emailVerified: new Date() },
          update: {},
        }),
      );
    }
    const workshop = await tx.workshop.create({
      data: {
        ...DEMO_WORKSHOP,
        date: new Date(`${DEMO_WORKSHOP.date}T00:00:00Z`),
        isDemo: true,
        memberships: { create: DEMO_PEOPLE.map((person, i) => ({ userId: users[i]!.id, role: person.role })) },
        themes: { create: DEMO_THEMES.map((name, position) => ({ name, nameKey: themeNameKey(name), color: THEME_COLOR_KEYS[position]!, position })) },
        sources: {
          create: sources.map(({ citation, originalText }, position) => {
            const markup = normalizeSourceText(originalText);
            return {
              ...citation,
              authors: [...citation.authors],
              originalText,
              markup,
              text: parseMarkup(markup, citation.format).text,
              position,
            };
          }),
        },
      },
      include: { sources: { orderBy: { position: "asc" } }, themes: { orderBy: { position: "asc" } } },
    });
    await seedDemoContributions(tx, {
      workshop,
      people: new Map(DEMO_PEOPLE.map((person, i) => [person.key, users[i]!.id])),
      sources: workshop.sources,
      themeIds: workshop.themes.map((theme) => theme.id),
    });
  }, { timeout: 60_000 });
  return true;
}
