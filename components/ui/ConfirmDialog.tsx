"use client";

import { useState, type ReactNode } from "react";
import { AlertDialog } from "radix-ui";

interface ConfirmDialogProps {
  /** The element that opens the dialog (a button); it gets focus back when the dialog closes. */
  trigger?: ReactNode;
  /** Controlled instead (no trigger): whether it is open, and the request to close it (Cancel, Escape). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** While the dialog cannot be confirmed yet (its description is still loading). */
  isConfirmDisabled?: boolean;
  title: string;
  /** What will happen, in words a person can weigh (counts of what it touches, for instance). */
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Runs when confirmed; the dialog stays open, busy, until it settles, and shows its error. */
  onConfirm: () => Promise<void>;
  /** Destructive actions (delete, merge, seal) get the danger style. */
  isDestructive?: boolean;
}

/**
 * Asks before an action that cannot be undone. An accessible alert dialog (Radix UI): focus
 * moves into it and is trapped there, Escape cancels, and the focus returns to the trigger.
 */
export function ConfirmDialog({ trigger, open, onOpenChange, isConfirmDisabled = false, title, description, confirmLabel, cancelLabel, onConfirm, isDestructive = true }: ConfirmDialogProps) {
  const [isOpenHere, setIsOpenHere] = useState(false);
  const isControlled = open !== undefined;
  const isOpen = isControlled ? open : isOpenHere;
  const setIsOpen = (next: boolean) => (isControlled ? onOpenChange?.(next) : setIsOpenHere(next));
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleConfirm(event: React.MouseEvent) {
    // Keep the dialog open until the work is done, so a failure can be shown in it.
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      await onConfirm();
      // A controlled dialog is closed by its owner, which knows what confirming did.
      if (!isControlled) setIsOpenHere(false);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <AlertDialog.Root open={isOpen} onOpenChange={(open) => !isBusy && setIsOpen(open)}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog stack-small">
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog-description">{description}</div>
          </AlertDialog.Description>
          {error && (
            <p role="alert" className="notice notice-error">
              {error}
            </p>
          )}
          <div className="button-row">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button" disabled={isBusy}>
                {cancelLabel}
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className={`button ${isDestructive ? "button-danger" : "button-primary"}`} onClick={handleConfirm} disabled={isBusy || isConfirmDisabled} aria-busy={isBusy || undefined}>
                {confirmLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
