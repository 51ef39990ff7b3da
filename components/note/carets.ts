/** Another person's caret: a coloured bar, with no name (Chatham House: carets say where, never who). */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "note-caret";
  caret.setAttribute("aria-hidden", "true");
  if (typeof user.color === "string") caret.style.borderColor = user.color;
  return caret;
}

/** Another person's selection: a tint of their caret's colour. */
export function renderSelection(user: Record<string, unknown>) {
  return { nodeName: "span", class: "note-selection", style: `background-color: ${String(user.color ?? "#999")}33` };
}
