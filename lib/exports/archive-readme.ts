import { createTranslator } from "next-intl";
import type { Workshop } from "@/lib/generated/prisma/client";
import { methodsSentence } from "@/lib/consensus/wording";
import { isHeld, thresholdsOf } from "@/lib/lessons/context";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/config";
import type { ArchivePart } from "./archive-parts";

type ReadmeWorkshop = Pick<Workshop, "title" | "attribution" | "consensusThresholds" | "holdStances" | "stancesRevealedAt">;

/**
 * The archive's README.md, in the reader's language: what each file is, what is deliberately
 * not in the archive (no names, no authorship, no exact times, no count that singles anyone
 * out) and how the consensus phrases were counted. Dated to the day only.
 */
export function archiveReadme(workshop: ReadmeWorkshop, parts: readonly Pick<ArchivePart, "key" | "path">[], { locale, day }: { locale: Locale; day: string }): string {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "exports" });
  const rule = workshop.attribution === "CHATHAM_HOUSE" ? t("readme.chathamHouse") : t("readme.attributed");
  const lines = [
    `# ${t("readme.title", { workshop: workshop.title })}`,
    "",
    t("readme.made", { day, rule }),
    "",
    `## ${t("readme.contents")}`,
    "",
    `- \`README.md\`: ${t("parts.readme")}`,
    ...parts.map((part) => `- \`${part.path}\`: ${t(`parts.${part.key}`)}`),
    "",
    `## ${t("readme.notInside")}`,
    "",
    ...(["noNames", "noAuthorship", "noTimes", "noCounts", "noHidden"] as const).map((key) => `- ${t(`readme.${key}`)}`),
    "",
    `## ${t("readme.phrases")}`,
    "",
    methodsSentence(locale, thresholdsOf(workshop)),
    ...(isHeld(workshop) ? ["", t("readme.held")] : []),
    "",
  ];
  return lines.join("\n");
}
