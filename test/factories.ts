import crypto from "node:crypto";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import type { Annotation, Lesson, Membership, Passage, Role, Source, Theme, ThemeProposal, User, Workshop } from "@/lib/generated/prisma/client";
import { describeRange } from "@/lib/anchoring/describe";
import { themeNameKey } from "@/lib/themes/name-key";
import { THEME_COLOR_KEYS } from "@/lib/themes/palette";
import { newId } from "@/lib/ownership/ids";
import { ownershipOf } from "@/lib/ownership/ownership";
import { ensureWorkshopKey } from "@/lib/ownership/workshop-key";

/**
 * Small factories for integration tests. Each fills in unique defaults so that tests only
 * spell out what matters to them. They write through `getPrisma()`, so call them after
 * `setupTestDatabase()`.
 */

let sequence = 0;
function nextId(): string {
  sequence += 1;
  return `${sequence}-${crypto.randomBytes(3).toString("hex")}`;
}

export interface CreateUserInput {
  email?: string;
  name?: string | null;
  organization?: string | null;
}

/** Creates a user with a unique `@example.test` address unless one is given. */
export async function createUser(input: CreateUserInput = {}): Promise<User> {
  const prisma = await getPrisma();
  const id = nextId();
  return prisma.user.create({
    data: {
      email: input.email ?? `user-${id}@example.test`,
      name: input.name === undefined ? `Test User ${id}` : input.name,
      organization: input.organization ?? null,
    },
  });
}

export type CreateWorkshopInput = Partial<
  Pick<Workshop, "title" | "description" | "date" | "place" | "attribution" | "status" | "isDemo">
>;

/** Creates a workshop (open, Chatham House Rule by default) without members. */
export async function createWorkshop(input: CreateWorkshopInput = {}): Promise<Workshop> {
  const prisma = await getPrisma();
  return prisma.workshop.create({
    data: {
      title: input.title ?? `Workshop ${nextId()}`,
      description: input.description,
      date: input.date,
      place: input.place,
      attribution: input.attribution,
      status: input.status,
      isDemo: input.isDemo,
    },
  });
}

/**
 * A workshop whose meeting note exists and is blank: a note otherwise starts from its template
 * (lib/notes/note-template.ts), which tests of the note's storage and sync would have to step over.
 */
export async function createWorkshopWithBlankNote(input: CreateWorkshopInput = {}): Promise<Workshop> {
  const workshop = await createWorkshop(input);
  await (await getPrisma()).meetingNote.create({ data: { workshopId: workshop.id } });
  return workshop;
}

/** Adds a user to a workshop with a role. */
export async function addMember(workshopId: string, userId: string, role: Role = "PARTICIPANT"): Promise<Membership> {
  const prisma = await getPrisma();
  return prisma.membership.create({ data: { workshopId, userId, role } });
}

/** Creates a user and makes them a member of the workshop; returns both. */
export async function createMember(
  workshopId: string,
  role: Role = "PARTICIPANT",
  user: CreateUserInput = {},
): Promise<{ user: User; membership: Membership }> {
  const created = await createUser(user);
  const membership = await addMember(workshopId, created.id, role);
  return { user: created, membership };
}

/** The acting user as domain functions take it (`{ id, email, name }`). */
export function viewerOf(user: Pick<User, "id" | "email" | "name">): Viewer {
  return { id: user.id, email: user.email, name: user.name };
}

export type CreateSourceInput = Partial<
  Pick<Source, "title" | "authors" | "publisher" | "publishedOn" | "url" | "shortCitation" | "format" | "text" | "position">
>;

/** Adds a source (plain text by default) to a workshop. */
export async function createSource(workshopId: string, input: CreateSourceInput = {}): Promise<Source> {
  const prisma = await getPrisma();
  const text = input.text ?? `Source text ${nextId()}.`;
  return prisma.source.create({
    data: {
      workshopId,
      title: input.title ?? `Source ${nextId()}`,
      authors: input.authors ?? [],
      publisher: input.publisher,
      publishedOn: input.publishedOn,
      url: input.url,
      shortCitation: input.shortCitation,
      format: input.format ?? "TEXT",
      originalText: text,
      text,
      position: input.position ?? 0,
    },
  });
}

/** Adds a theme at the end of the workshop's codebook (colours taken round the palette). */
export async function createTheme(workshopId: string, name = `Theme ${nextId()}`, input: Partial<Pick<Theme, "description" | "color">> = {}): Promise<Theme> {
  const prisma = await getPrisma();
  const position = await prisma.theme.count({ where: { workshopId } });
  return prisma.theme.create({
    data: {
      workshopId,
      name,
      nameKey: themeNameKey(name),
      description: input.description,
      color: input.color ?? THEME_COLOR_KEYS[position % THEME_COLOR_KEYS.length]!,
      position,
    },
  });
}

/** A passage of a source's current text, straight into the database (no reuse, no lock). */
export async function createPassage(source: Pick<Source, "id" | "workshopId" | "text" | "revision">, start: number, end: number): Promise<Passage> {
  const prisma = await getPrisma();
  const { quote } = describeRange(source.text, start, end);
  return prisma.passage.create({
    data: { workshopId: source.workshopId, sourceId: source.id, revision: source.revision, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start, end, state: "PLACED" },
  });
}

/**
 * An annotation by `authorId` on [start, end) of the source (default: its first word), straight
 * into the database, owner-tagged under the workshop's key as the app would.
 */
export async function createAnnotationRow(
  source: Pick<Source, "id" | "workshopId" | "text" | "revision">,
  authorId: string,
  input: { start?: number; end?: number; comment?: string } = {},
): Promise<Annotation> {
  const prisma = await getPrisma();
  const start = input.start ?? 0;
  const end = input.end ?? (source.text.search(/\s/) > 0 ? source.text.search(/\s/) : source.text.length);
  const passage = await createPassage(source, start, end);
  const id = newId();
  const ownerTag = ownershipOf(await ensureWorkshopKey(prisma, source.workshopId), authorId).tagFor({ kind: "annotation", id });
  return prisma.annotation.create({ data: { id, workshopId: source.workshopId, passageId: passage.id, ownerTag, comment: input.comment ?? "" } });
}

/** A theme proposal by `proposerId`, straight into the database, owner-tagged as the app would. */
export async function createProposalRow(
  workshopId: string,
  proposerId: string,
  data: { name: string; reason?: string; status?: "PENDING" | "ACCEPTED" | "DECLINED"; themeId?: string },
): Promise<ThemeProposal> {
  const prisma = await getPrisma();
  const id = newId();
  const ownerTag = ownershipOf(await ensureWorkshopKey(prisma, workshopId), proposerId).tagFor({ kind: "proposal", id });
  return prisma.themeProposal.create({ data: { id, workshopId, ownerTag, ...data } });
}

/** A lesson by `authorId` tagged with themes, straight into the database, owner-tagged as the app would. */
export async function createLessonRow(workshopId: string, authorId: string, themeIds: string[] = [], statement = "A lesson"): Promise<Lesson> {
  const prisma = await getPrisma();
  const id = newId();
  const ownerTag = ownershipOf(await ensureWorkshopKey(prisma, workshopId), authorId).tagFor({ kind: "lesson", id });
  return prisma.lesson.create({ data: { id, workshopId, ownerTag, statement, themes: { create: themeIds.map((themeId) => ({ themeId })) } } });
}

/** A next-auth database session for the user (valid for a day unless `expires` is given); returns its token. */
export async function createSession(userId: string, expires = new Date(Date.now() + 24 * 60 * 60 * 1000)): Promise<string> {
  const prisma = await getPrisma();
  const sessionToken = crypto.randomBytes(32).toString("hex");
  await prisma.session.create({ data: { sessionToken, userId, expires } });
  return sessionToken;
}
