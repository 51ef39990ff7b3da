import Link from "next/link";
import { useTranslations } from "next-intl";
import { Tags } from "lucide-react";
import { EmptyState } from "@/components/ui/EmptyState";

/** No themes yet: organizers create them, the room proposes them, observers are told who does. */
export function EmptyThemes({ workshopId, canManage, canPropose }: { workshopId: string; canManage: boolean; canPropose: boolean }) {
  const t = useTranslations("empty.themes");
  const kind = canManage ? "manage" : canPropose ? "propose" : "others";
  return (
    <EmptyState
      title={t("title")}
      testId="empty-themes"
      action={
        kind !== "others" && (
          <Link href={`/workshops/${workshopId}/themes`} className="button button-primary">
            <Tags aria-hidden="true" className="icon" />
            {t(`${kind}Action`)}
          </Link>
        )
      }
    >
      {t(kind)}
    </EmptyState>
  );
}
