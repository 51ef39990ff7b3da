import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { recordApiResponse, recordPage, requestAndRecord, type Received } from "./capture";

/** What the scenario needs of a scanned member. */
export interface ScanMember {
  label: string;
  page: Page;
  received: Received[];
}

/** Plain paragraphs (no markup, no quotes or apostrophes), so offsets in it are the reader's. */
const SOURCE_TEXT = [
  "Under the Chatham House Rule, the mandate was debated at length by everyone present.",
  "Participants said host-state consent faded after the second coup, and partners noticed it late.",
  "The drawdown left partners without a plan for the northern regions in late 2023.",
].join("\n\n");

const PASSAGES = ["mandate was debated at length", "host-state consent faded", "left partners without a plan"];

export function rangeOf(passage: string): { start: number; end: number } {
  const start = SOURCE_TEXT.indexOf(passage);
  if (start < 0) throw new Error(`passage not in the scan source: ${passage}`);
  return { start, end: start + passage.length };
}

/**
 * From now on, whether every open WebSocket of the page is in its workshop room: each has
 * received a presence count, which the server sends to the room once a join succeeds.
 */
function trackJoinedSockets(page: Page): () => boolean {
  const sockets: { isClosed: boolean; hasPresence: boolean }[] = [];
  page.on("websocket", (socket) => {
    const state = { isClosed: false, hasPresence: false };
    sockets.push(state);
    socket.on("framereceived", (frame) => {
      if (String(frame.payload).includes('"presence:count"')) state.hasPresence = true;
    });
    socket.on("close", () => (state.isClosed = true));
  });
  return () => {
    const open = sockets.filter((socket) => !socket.isClosed);
    return open.length > 0 && open.every((socket) => socket.hasPresence);
  };
}

/** The organizer adds a small Markdown source through the API; returns its id. */
export async function addScanSource(organizer: ScanMember, workshopId: string, baseURL: string): Promise<string> {
  const response = await organizer.page.request.post(`/api/workshops/${workshopId}/sources`, {
    multipart: { text: SOURCE_TEXT, format: "MARKDOWN", title: `Scan source ${randomUUID().slice(0, 8)}` },
    headers: { origin: baseURL },
  });
  await recordApiResponse("POST", response, organizer.received);
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { source: { id: string } }).source.id;
}

/**
 * Everyone has the reader open while the contributors annotate through the JSON API and then
 * everyone replies through the page, so `annotation:upserted` frames flow live to all of them.
 * Returns the comments and replies written, which every member must end up seeing.
 */
export async function annotateAndReply(
  members: readonly ScanMember[],
  contributors: readonly ScanMember[],
  workshopId: string,
  sourceId: string,
  baseURL: string,
): Promise<{ comments: string[]; replies: string[] }> {
  const readerUrl = `/workshops/${workshopId}/sources/${sourceId}`;
  const joined = members.map((member) => trackJoinedSockets(member.page));
  await Promise.all(members.map((member) => member.page.goto(readerUrl)));
  for (const [index, member] of members.entries()) {
    await expect(member.page.getByTestId("live-count")).toHaveText(`${members.length} people here now`);
    // Annotate only once the page's socket is in the room, or its first frames would be missed.
    await expect.poll(joined[index]!, { message: `${member.label}'s sockets joined the workshop room` }).toBe(true);
  }

  const tag = randomUUID().slice(0, 6);
  const comments = contributors.map((_, index) => `Point ${index + 1}, « été » ${tag}`);
  for (const [index, contributor] of contributors.entries()) {
    const response = await contributor.page.request.post(`/api/workshops/${workshopId}/sources/${sourceId}/annotations`, {
      data: { ...rangeOf(PASSAGES[index % PASSAGES.length]!), comment: comments[index], themeIds: [] },
      headers: { origin: baseURL },
    });
    await recordApiResponse("POST", response, contributor.received);
    expect(response.status(), await response.text()).toBe(201);
  }
  for (const member of members) {
    for (const comment of comments) await expect(member.page.getByRole("article").filter({ hasText: comment })).toBeVisible();
  }

  // Each member answers someone else's annotation, live for the others.
  const replies: string[] = [];
  for (const [index, member] of members.entries()) {
    const target = comments[(index + 1) % comments.length]!;
    const body = `Reply ${index + 1}, "agreed" ${tag}`;
    const card = member.page.getByRole("article").filter({ hasText: target });
    await card.getByLabel("Your reply").fill(body);
    await card.getByRole("button", { name: "Reply", exact: true }).click();
    await expect(card.getByRole("list", { name: "Replies" })).toContainText(body);
    replies.push(body);
  }
  for (const member of members) {
    for (const body of replies) await expect(member.page.getByText(body)).toBeVisible();
    await recordPage(member.page, member.received);
  }
  return { comments, replies };
}

/** The member downloads both exports (and the annotations API) as a script of theirs would. */
export async function downloadExports(
  member: ScanMember,
  workshopId: string,
  sourceId: string,
  expected: { comments: string[]; replies: string[] },
): Promise<void> {
  const base = `/api/workshops/${workshopId}/sources/${sourceId}/annotations`;
  await requestAndRecord(member.page, base, member.received);
  const jsonld = await requestAndRecord(member.page, `${base}/export?format=jsonld`, member.received);
  expect(jsonld.status()).toBe(200);
  expect(jsonld.headers()["content-type"]).toBe("application/ld+json");
  expect(jsonld.headers()["content-disposition"]).toMatch(/^attachment; filename="scan-source-[a-z0-9]+-annotations\.jsonld"$/);
  const collection = (await jsonld.json()) as { type: string; total: number };
  expect(collection).toMatchObject({ type: "AnnotationCollection", total: expected.comments.length + expected.replies.length });

  const csv = await requestAndRecord(member.page, `${base}/export?format=csv`, member.received);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="scan-source-[a-z0-9]+-annotations\.csv"$/);
  const text = await csv.text();
  const unknownFormat = await requestAndRecord(member.page, `${base}/export?format=xml`, member.received);
  expect(unknownFormat.status()).toBe(400);
  for (const written of [...expected.comments, ...expected.replies]) expect(text).toContain(written.replace(/"/g, '""'));
}

/**
 * The organizer hides one contributor's annotation from the page, then shows it again. Others
 * stop seeing it; its author sees it marked hidden; nothing in what anyone receives says whose
 * it is (the scan's canary check covers every frame and page recorded here).
 */
export async function hideAndShowAgain(
  members: readonly ScanMember[],
  organizer: ScanMember,
  author: ScanMember,
  comment: string,
): Promise<void> {
  const card = (member: ScanMember) => member.page.getByRole("article").filter({ hasText: comment });
  await card(organizer).getByRole("button", { name: "Hide", exact: true }).click();
  await expect(card(organizer)).toContainText("hidden by an organizer");
  for (const member of members) {
    if (member === organizer) continue;
    if (member === author) await expect(card(member)).toContainText("hidden by an organizer");
    else await expect(card(member)).toHaveCount(0);
    await recordPage(member.page, member.received);
  }
  await card(organizer).getByRole("button", { name: "Show again" }).click();
  for (const member of members) await expect(card(member)).toBeVisible();
}
