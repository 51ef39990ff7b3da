"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * Copies the address that opens the reader at this annotation. Where the clipboard is out of
 * reach (a page served over plain HTTP, a refused permission) the address is shown, selected,
 * for the person to copy.
 */
export function CopyLinkButton({ path }: { path: string }) {
  const t = useTranslations("reader");
  const [state, setState] = useState<{ kind: "idle" } | { kind: "copied" } | { kind: "manual"; href: string }>({ kind: "idle" });

  useEffect(() => {
    if (state.kind !== "copied") return;
    const timer = setTimeout(() => setState({ kind: "idle" }), 4_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function handleCopy() {
    const href = new URL(path, window.location.href).href;
    try {
      await navigator.clipboard.writeText(href);
      setState({ kind: "copied" });
    } catch {
      setState({ kind: "manual", href });
    }
  }

  return (
    <>
      <button type="button" className="button button-small button-quiet" onClick={() => void handleCopy()}>
        {t("copyLink")}
      </button>
      <span role="status" className="hint">
        {state.kind === "copied" ? t("linkCopied") : ""}
      </span>
      {state.kind === "manual" && (
        // Focused as it appears: the person asked for the link and now copies it from here.
        <input className="copy-link-field" readOnly value={state.href} aria-label={t("linkToCopy")} autoFocus onFocus={(event) => event.target.select()} />
      )}
    </>
  );
}
