import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadWorkshop } from "./_data";
import { RuleBanner } from "./_components/RuleBanner";
import { WorkshopNav } from "./_components/WorkshopNav";
import { LiveCount } from "./_components/LiveCount";
import { HeaderSearch } from "@/components/search/HeaderSearch";
import { WhoSeesDialog } from "@/components/privacy/WhoSeesDialog";

export default async function WorkshopLayout({ children, params }: { children: ReactNode; params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const { workshop } = await loadWorkshop(workshopId);
  const [t, format] = await Promise.all([getTranslations("workshop"), getFormatter()]);
  return (
    <div className="stack">
      <header className="workshop-header stack-small">
        <p className="eyebrow">{t("eyebrow")}</p>
        <p className="workshop-title">{workshop.title}</p>
        <div className="workshop-bar">
          <WorkshopNav workshopId={workshop.id} canManage={workshop.can["members.view"]} canExport={workshop.can["exports.download"]} />
          <HeaderSearch workshopId={workshop.id} />
          <LiveCount workshopId={workshop.id} />
        </div>
        {workshop.status !== "OPEN" && (
          <p className="notice" role="status">
            {t(`statusNotice.${workshop.status}`)}
          </p>
        )}
        {workshop.sealedOn && (
          <p className="notice" role="status">
            {t("sealedNotice", { day: format.dateTime(new Date(`${workshop.sealedOn}T00:00:00Z`), { dateStyle: "long" }) })}
          </p>
        )}
        <div className="workshop-rule-row">
          <RuleBanner attribution={workshop.attribution} />
          <WhoSeesDialog />
        </div>
      </header>
      {children}
    </div>
  );
}
