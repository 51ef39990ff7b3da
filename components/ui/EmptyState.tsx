import type { ReactNode } from "react";

/**
 * An empty list that teaches: what is missing, what to do next, and the one button that does it
 * (only when the viewer may do it; otherwise the text says who can).
 */
export function EmptyState({ title, children, action, testId }: { title: string; children: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state-title">{title}</p>
      <p>{children}</p>
      {action}
    </div>
  );
}
