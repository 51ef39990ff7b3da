import type { ConsensusClass } from "@/lib/consensus/consensus";

/** One fill per consensus class (CSS classes in review.css), the same in every chart. */
export function classFill(consensus: ConsensusClass): string {
  return `review-fill-${consensus}`;
}
