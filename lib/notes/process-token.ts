import crypto from "node:crypto";

// The custom server and Next's server bundle each load this module; the token lives on
// globalThis so that both halves of one process hold the same lease.
const holder = globalThis as typeof globalThis & { __rapporteurProcessToken?: string };

/**
 * This process's random token, which names it as the holder of note room leases. It says
 * nothing about the machine or anyone using it, and changes on every start.
 */
export function processToken(): string {
  holder.__rapporteurProcessToken ??= crypto.randomUUID();
  return holder.__rapporteurProcessToken;
}
