import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "socket.io";
import { registerTestDatabase } from "@/test/db";
import { createMember, createWorkshop, viewerOf } from "@/test/factories";
import { flushLiveDeliveries, setRealtimeServer } from "@/lib/realtime/hub";
import type { Viewer } from "@/lib/auth/session";
import { createTheme } from "./create-theme";
import { proposeTheme } from "./propose-theme";
import { declineThemeProposal } from "./decline-theme-proposal";

registerTestDatabase();

/** A stand-in socket.io server: a room of `people` distinct people, and the events sent to it. */
function fakeServer(people: number) {
  const sent: { room: string; event: string; payload: unknown }[] = [];
  const sockets = Array.from({ length: people }, (_, index) => ({ data: { userId: `person-${index}` } }));
  const io = {
    in: () => ({ fetchSockets: async () => sockets }),
    to: (room: string) => ({ emit: (event: string, payload: unknown) => sent.push({ room, event, payload }) }),
  };
  // A day-long window: nothing goes out by itself during the test (windows are clock-aligned, so
  // a minute-long one could end mid-test).
  setRealtimeServer(io as unknown as Server, { liveWindowMs: 24 * 60 * 60 * 1000 });
  return sent;
}

let workshopId: string;
let organizer: Viewer;
let participant: Viewer;

beforeAll(async () => {
  workshopId = (await createWorkshop()).id;
  organizer = viewerOf((await createMember(workshopId, "ORGANIZER")).user);
  participant = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
});

afterEach(async () => {
  await flushLiveDeliveries();
  setRealtimeServer(undefined);
});

describe("codebook:changed", () => {
  it("tells a small room of a proposal only at the end of the batching window, a larger one at once", async () => {
    const small = fakeServer(2);
    await proposeTheme({ viewer: participant, workshopId, input: { name: "Held back" } });
    expect(small).toEqual([]);
    await flushLiveDeliveries();
    expect(small).toEqual([{ room: `workshop:${workshopId}`, event: "codebook:changed", payload: { workshopId } }]);

    const large = fakeServer(4);
    await proposeTheme({ viewer: participant, workshopId, input: { name: "Sent at once" } });
    expect(large).toEqual([{ room: `workshop:${workshopId}`, event: "codebook:changed", payload: { workshopId } }]);
  });

  it("sends organizers' changes and decisions at once, whatever the room", async () => {
    const sent = fakeServer(2);
    await createTheme({ viewer: organizer, workshopId, input: { name: "Organizer's theme" } });
    expect(sent).toHaveLength(1);
    const proposal = await proposeTheme({ viewer: participant, workshopId, input: { name: "To decline" } });
    await flushLiveDeliveries();
    expect(sent).toHaveLength(2);
    await declineThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id, input: { response: "No" } });
    expect(sent).toHaveLength(3);
    expect(sent.every((frame) => JSON.stringify(frame.payload) === JSON.stringify({ workshopId }))).toBe(true);
  });
});
