/**
 * The attribution guard's detectors over a 50,000-character note with 100 members and 300
 * contributions, compiling the roster and the contributions' index each time (as a live check
 * does): p50 and worst of repeated runs after a warm-up. Target: well under 100 ms.
 */
import { detectGuardWarnings } from "../lib/notes/guard/detect";
import { contributions, inputs, largeNoteBlocks } from "../lib/notes/guard/testing";
import type { Bench } from "./run";

const ROUNDS = 21;

const bench: Bench = async () => {
  const blocks = largeNoteBlocks(contributions[5]!);
  detectGuardWarnings(blocks, inputs());
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    detectGuardWarnings(blocks, inputs());
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round1 = (value: number) => Math.round(value * 10) / 10;
  return {
    title: `Attribution guard: ${blocks.join("").length} characters, 100 members, 300 contributions`,
    rows: [{ runs: ROUNDS, "p50 ms": round1(times[Math.floor(ROUNDS / 2)]!), "worst ms": round1(times[ROUNDS - 1]!) }],
  };
};

export default bench;
