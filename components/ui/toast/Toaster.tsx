"use client";

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { Toast } from "radix-ui";
import { useTranslations } from "next-intl";
import { CircleAlert, CircleCheck, X } from "lucide-react";

export interface ToastInput {
  title: string;
  description?: string;
  kind?: "success" | "error";
  /** A way back (Undo): `altText` says how to do the same without the toast, for screen readers. */
  action?: { label: string; altText: string; onAction: () => void };
}

type Notify = (toast: ToastInput) => void;

const ToastContext = createContext<Notify | null>(null);

/** Failures stay until dismissed for longer than news of success. */
const DURATION_MS = { success: 6000, error: 12000 } as const;

/**
 * The app's one toast provider (Radix UI Toast): toasts are announced to screen readers (failures
 * assertively), pause while hovered or focused, close with Escape or swipe; F8 focuses them.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const t = useTranslations("toast");
  const [toasts, setToasts] = useState<(ToastInput & { id: number })[]>([]);
  const nextId = useRef(0);
  // At most three at once: the oldest gives way.
  const notify = useCallback<Notify>((toast) => setToasts((current) => [...current.slice(-2), { ...toast, id: nextId.current++ }]), []);
  const remove = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);

  return (
    <ToastContext.Provider value={notify}>
      <Toast.Provider label={t("label")}>
        {children}
        {toasts.map(({ id, title, description, kind = "success", action }) => (
          <Toast.Root
            key={id}
            className={`toast toast-${kind}`}
            type={kind === "error" ? "foreground" : "background"}
            duration={DURATION_MS[kind]}
            onOpenChange={(open) => !open && remove(id)}
          >
            {kind === "error" ? <CircleAlert aria-hidden="true" className="icon toast-icon" /> : <CircleCheck aria-hidden="true" className="icon toast-icon" />}
            <div className="toast-text">
              <Toast.Title className="toast-title">{title}</Toast.Title>
              {description && <Toast.Description className="toast-description">{description}</Toast.Description>}
            </div>
            {action && (
              <Toast.Action altText={action.altText} asChild>
                <button type="button" className="button button-small" onClick={action.onAction}>
                  {action.label}
                </button>
              </Toast.Action>
            )}
            <Toast.Close asChild>
              <button type="button" className="button button-small button-quiet" aria-label={t("dismiss")}>
                <X aria-hidden="true" className="icon" />
              </button>
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="toast-viewport" label={t("viewportLabel")} />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}

/** Shows a toast (inside the app's Toaster). */
export function useToast(): Notify {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error("useToast() outside <Toaster>");
  return notify;
}
