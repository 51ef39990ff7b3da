import { createMember, createSource, createTheme, createWorkshop, viewerOf } from "@/test/factories";

export const LESSON_TEXT = "Consent of the host state faded over the years. Partners stepped in late. The mandate outgrew the means.";

/** A workshop with one member of each role, a source, two themes, and an outsider (tests only). */
export async function lessonWorkshop() {
  const workshop = await createWorkshop();
  const organizer = viewerOf((await createMember(workshop.id, "ORGANIZER")).user);
  const rapporteur = viewerOf((await createMember(workshop.id, "RAPPORTEUR")).user);
  const author = viewerOf((await createMember(workshop.id, "PARTICIPANT", { name: "Author Canary", email: `author-canary-${workshop.id}@example.test` })).user);
  const other = viewerOf((await createMember(workshop.id, "PARTICIPANT")).user);
  const observer = viewerOf((await createMember(workshop.id, "OBSERVER")).user);
  const elsewhere = await createWorkshop();
  const outsider = viewerOf((await createMember(elsewhere.id, "ORGANIZER")).user);
  const source = await createSource(workshop.id, { text: LESSON_TEXT, title: "Field report" });
  const themes = [await createTheme(workshop.id, "Consent"), await createTheme(workshop.id, "Partnerships")] as const;
  return { workshopId: workshop.id, elsewhereId: elsewhere.id, organizer, rapporteur, author, other, observer, outsider, source, themes };
}
