"use client";

import { lazy, Suspense, useState, type ComponentProps } from "react";

// The dialog's code (Radix AlertDialog, focus trap, scroll lock) is fetched on the first click:
// a reader shows dozens of delete buttons and rarely deletes, and this keeps it out of the
// script every page load parses before the text is painted.
const ConfirmDialog = lazy(() => import("@/components/ui/ConfirmDialog").then((module) => ({ default: module.ConfirmDialog })));

type DeferredConfirmProps = Omit<ComponentProps<typeof ConfirmDialog>, "trigger"> & {
  /** The trigger button's text and class; the same button before and after the dialog loads. */
  label: string;
  className: string;
};

/**
 * A ConfirmDialog whose code loads when its button is first used. The first click mounts the
 * dialog with an identical trigger and clicks that, so Radix owns the trigger from then on
 * (focus goes back to it when the dialog closes).
 */
export function DeferredConfirm({ label, className, ...dialog }: DeferredConfirmProps) {
  const [isArmed, setIsArmed] = useState(false);
  if (!isArmed) {
    return (
      <button type="button" className={className} onClick={() => setIsArmed(true)}>
        {label}
      </button>
    );
  }
  return (
    <Suspense
      fallback={
        <button type="button" className={className} aria-busy="true">
          {label}
        </button>
      }
    >
      <ConfirmDialog
        {...dialog}
        trigger={
          <button type="button" className={className} ref={openOnce}>
            {label}
          </button>
        }
      />
    </Suspense>
  );
}

/** Opens the dialog as its trigger first appears (the person already clicked the button it replaces). */
function openOnce(button: HTMLButtonElement | null) {
  if (button && !button.dataset.opened) {
    button.dataset.opened = "";
    button.focus();
    button.click();
  }
}
