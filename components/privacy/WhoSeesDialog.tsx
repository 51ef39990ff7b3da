"use client";

import { Dialog } from "radix-ui";
import { useTranslations } from "next-intl";
import { Eye, X } from "lucide-react";
import { WhoSeesExplanation } from "./WhoSeesExplanation";

/** "Who can see what", one click away on every workshop page: an accessible dialog (Radix UI). */
export function WhoSeesDialog() {
  const t = useTranslations("whoSees");
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button" className="button button-small button-quiet">
          <Eye aria-hidden="true" className="icon" />
          {t("button")}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog stack-small" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{t("title")}</Dialog.Title>
          <WhoSeesExplanation headingLevel={3} />
          <div className="button-row">
            <Dialog.Close asChild>
              <button type="button" className="button">
                <X aria-hidden="true" className="icon" />
                {t("close")}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
