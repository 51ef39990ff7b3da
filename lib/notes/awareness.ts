import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";
import { CARET_COLORS } from "./schema";

/**
 * Awareness (who is where in the note) is the side channel collaborative editors leak through:
 * names, avatars, "X is typing". Here a state can only say where a caret is and which colour
 * draws it; the server rebuilds every state from this allowlist before anyone else sees it.
 */
const ZId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

const ZRelativePosition = z.object({
  type: ZId.nullable().optional(),
  tname: z.string().max(64).nullable().optional(),
  item: ZId.nullable().optional(),
  assoc: z.number().int().min(-1).max(1).optional(),
});

const ZNoteAwarenessState = z.object({
  user: z.object({ color: z.enum(CARET_COLORS) }).optional().catch(undefined),
  cursor: z.object({ anchor: ZRelativePosition, head: ZRelativePosition }).nullable().optional().catch(null),
});

export type NoteAwarenessState = z.infer<typeof ZNoteAwarenessState>;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null: the client left. */
  state: NoteAwarenessState | null;
}

/** Clients per awareness update: one per editor on the page, with room for a few. */
const MAX_ENTRIES = 8;
const MAX_STATE_CHARS = 2_000;

/** Keeps the allowed fields of a state and drops everything else (names, emails, custom fields). */
export function allowlistAwarenessState(raw: unknown): NoteAwarenessState | null {
  if (raw === null) return null;
  const parsed = ZNoteAwarenessState.safeParse(raw);
  if (!parsed.success) return {};
  const state: NoteAwarenessState = {};
  if (parsed.data.user) state.user = { color: parsed.data.user.color };
  if (parsed.data.cursor !== undefined) state.cursor = parsed.data.cursor;
  return state;
}

/**
 * Reads a y-protocols awareness update and rebuilds each state from the allowlist; throws on
 * malformed input.
 */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const length = decoding.readVarUint(decoder);
  if (length > MAX_ENTRIES) throw new Error("too many awareness states");
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < length; index += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_STATE_CHARS) throw new Error("awareness state too large");
    entries.push({ clientId, clock, state: allowlistAwarenessState(JSON.parse(json)) });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
  return entries;
}

/** Encodes entries in the y-protocols awareness format, which clients apply as they are. */
export function writeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
