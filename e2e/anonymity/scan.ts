import type { Received } from "./capture";

export interface Canaries {
  label: string;
  values: string[];
}

export interface Leak {
  receiver: string;
  owner: string;
  canary: string;
  kind: Received["kind"];
  source: string;
  excerpt: string;
}

/** Every place where `received` contains a canary of someone else, with a readable excerpt. */
export function findLeaks(
  receiver: string,
  received: readonly Received[],
  others: readonly Canaries[],
  isExempt: (item: Received) => boolean = () => false,
): Leak[] {
  const leaks: Leak[] = [];
  for (const item of received) {
    if (isExempt(item)) continue;
    const haystack = item.text.toLowerCase();
    for (const owner of others) {
      for (const canary of owner.values) {
        const index = haystack.indexOf(canary.toLowerCase());
        if (index < 0) continue;
        leaks.push({
          receiver,
          owner: owner.label,
          canary,
          kind: item.kind,
          source: item.source,
          excerpt: item.text.slice(Math.max(0, index - 80), index + canary.length + 80).replace(/\s+/g, " "),
        });
      }
    }
  }
  return leaks;
}

export function describeLeaks(leaks: readonly Leak[]): string {
  return leaks
    .slice(0, 20)
    .map((leak) => `- ${leak.receiver} received ${leak.owner}'s "${leak.canary}" in ${leak.kind} ${leak.source}\n    …${leak.excerpt}…`)
    .join("\n");
}
