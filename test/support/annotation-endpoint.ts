/**
 * The annotation-create route's write path, for the crash cycles (./crash-cycles.ts) on a test
 * node that has no Next: POST /annotations {workshopId, sourceId, start, end, comment?} calls
 * the same domain function as app/api/workshops/[workshopId]/sources/[sourceId]/annotations,
 * as the person behind the session cookie, and answers 201 only once it has returned.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { findSessionUserId } from "@/lib/realtime/authenticate-socket";

const ZBody = z.object({ workshopId: z.string(), sourceId: z.string(), start: z.number(), end: z.number(), comment: z.string().optional() });

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return JSON.parse(text);
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function handleAnnotationRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "POST" || request.url !== "/annotations") return answer(response, 404, { error: "NOT_FOUND" });
  try {
    const userId = await findSessionUserId(request);
    const user = userId ? await (await getPrisma()).user.findUnique({ where: { id: userId } }) : null;
    if (!user) return answer(response, 401, { error: "UNAUTHENTICATED" });
    const { workshopId, sourceId, ...input } = ZBody.parse(await readBody(request));
    const annotation = await createAnnotation({ viewer: { id: user.id, email: user.email, name: user.name }, workshopId, sourceId, input });
    answer(response, 201, { id: annotation.id });
  } catch (error) {
    // Anything but a 201 counts as not written; the driver only checks what got its 201.
    answer(response, 500, { error: error instanceof Error ? error.message : String(error) });
  }
}
