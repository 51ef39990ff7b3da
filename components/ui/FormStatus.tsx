import type { ActionState } from "@/lib/page-helpers";

interface FormStatusProps {
  state: ActionState;
  success?: string;
  /** The form shows field errors next to their fields; only the others belong here. */
  hasInlineFieldErrors?: boolean;
}

/** A form's outcome: the error to act on (announced), or a success note when one is given. */
export function FormStatus({ state, success, hasInlineFieldErrors = false }: FormStatusProps) {
  if (state.error && !(hasInlineFieldErrors && state.field)) {
    return (
      <p role="alert" className="notice notice-error">
        {state.error}
      </p>
    );
  }
  if (state.ok && success) {
    return (
      <p role="status" className="notice notice-success">
        {success}
      </p>
    );
  }
  return null;
}
