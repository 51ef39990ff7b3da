"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { KeyRound } from "lucide-react";
import { createApiTokenAction, revokeApiTokenAction, type CreateTokenState } from "./actions";
import { FormStatus } from "@/components/ui/FormStatus";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/toast/Toaster";
import { useWhen } from "@/components/reader/use-when";
import { API_TOKEN_EXPIRY_DAYS } from "@/lib/api-tokens/schemas";
import type { PresentedApiToken } from "@/lib/api-tokens/present";

/** The account page's access tokens: create one (its secret shown once), list and revoke them. */
export function ApiTokens({ tokens }: { tokens: PresentedApiToken[] }) {
  const t = useTranslations("account.tokens");
  const [state, formAction, isPending] = useActionState(createApiTokenAction, {} as CreateTokenState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return (
    <section className="stack" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      {state.secret && <NewSecret key={state.secret} secret={state.secret} name={state.tokenName ?? ""} />}
      <form ref={formRef} action={formAction} className="stack card" aria-labelledby="token-form-title">
        <h3 id="token-form-title">{t("createTitle")}</h3>
        <FormStatus state={state.ok ? {} : state} />
        <div className="field">
          <label htmlFor="token-name">{t("name")}</label>
          <input id="token-name" name="name" required maxLength={80} aria-describedby="token-name-hint" />
          <span id="token-name-hint" className="hint">{t("nameHint")}</span>
        </div>
        <fieldset className="field">
          <legend>{t("scope")}</legend>
          <label>
            <input type="radio" name="scope" value="read" defaultChecked /> {t("scopeRead")}
          </label>
          <label>
            <input type="radio" name="scope" value="read_write" /> {t("scopeReadWrite")}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="token-expiry">{t("expiry")}</label>
          <select id="token-expiry" name="expiresInDays" defaultValue="90">
            <option value="">{t("expiryNever")}</option>
            {API_TOKEN_EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {t("expiryDays", { days })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="button button-primary" disabled={isPending}>
            <KeyRound aria-hidden="true" className="icon" />
            {t("create")}
          </button>
        </div>
      </form>
      <TokenList tokens={tokens} />
    </section>
  );
}

/** The secret of the token just created: shown this once, with a copy button. */
function NewSecret({ secret, name }: { secret: string; name: string }) {
  const t = useTranslations("account.tokens");
  const [isCopied, setIsCopied] = useState(false);
  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(secret);
      setIsCopied(true);
    } catch {
      // Out of the clipboard's reach (plain HTTP, a refused permission): the field stays selectable.
      setIsCopied(false);
    }
  }
  return (
    <div className="notice notice-success stack-small" role="status">
      <p>{t("createdOnce", { name })}</p>
      <label htmlFor="token-secret">{t("secretLabel")}</label>
      <input id="token-secret" className="copy-link-field" readOnly value={secret} onFocus={(event) => event.target.select()} />
      <div className="inline-form">
        <button type="button" className="button button-small" onClick={() => void handleCopy()}>
          {t("copy")}
        </button>
        <span className="hint">{isCopied ? t("copied") : ""}</span>
      </div>
    </div>
  );
}

function TokenList({ tokens }: { tokens: PresentedApiToken[] }) {
  const t = useTranslations("account.tokens");
  const when = useWhen();
  const notify = useToast();
  if (tokens.length === 0) return <p className="hint">{t("none")}</p>;
  // On a phone the table scrolls sideways in its own box, as the member list does.
  return (
    <div className="table-scroll">
    <table className="table">
      <caption className="visually-hidden">{t("listCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("name")}</th>
          <th scope="col">{t("scope")}</th>
          <th scope="col">{t("created")}</th>
          <th scope="col">{t("lastUsed")}</th>
          <th scope="col">{t("expires")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td>{token.name}</td>
            <td>{token.scope === "read" ? t("scopeRead") : t("scopeReadWrite")}</td>
            <td>{when(token.createdAt)}</td>
            <td>{token.lastUsedAt ? when(token.lastUsedAt) : t("neverUsed")}</td>
            <td>{token.isExpired ? t("expired") : (token.expiresOn ?? t("expiryNever"))}</td>
            <td>
              <ConfirmDialog
                trigger={
                  <button type="button" className="button button-small button-danger" aria-label={t("revokeNamed", { name: token.name })}>
                    {t("revoke")}
                  </button>
                }
                title={t("revokeTitle", { name: token.name })}
                description={t("revokeDescription")}
                confirmLabel={t("revoke")}
                cancelLabel={t("cancel")}
                onConfirm={async () => {
                  const result = await revokeApiTokenAction(token.id);
                  if (result.error) throw new Error(result.error);
                  notify({ title: t("revoked", { name: token.name }), kind: "success" });
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
