"use client";

import type { ReactNode } from "react";

/** A button that brings the field matching `selector` into view and gives it focus (the next step of an empty state). */
export function FocusButton({ selector, className = "button button-primary", children }: { selector: string; className?: string; children: ReactNode }) {
  function handleClick() {
    const target = document.querySelector<HTMLElement>(selector);
    target?.scrollIntoView({ block: "center" });
    target?.focus();
  }
  return (
    <button type="button" className={className} onClick={handleClick}>
      {children}
    </button>
  );
}
