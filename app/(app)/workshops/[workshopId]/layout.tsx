import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { loadWorkshop } from "./_data";
import { RuleBanner } from "./_components/RuleBanner";
import { WorkshopNav } from "./_components/WorkshopNav";
import { LiveCount } from "./_components/LiveCount";

export default async function WorkshopLayout({ children, params }: { children: ReactNode; params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const { workshop } = await loadWorkshop(workshopId);
  const t = await getTranslations("workshop");
  return (
    <div className="stack">
      <header className="workshop-header stack-small">
        <p className="eyebrow">{t("eyebrow")}</p>
        <p className="workshop-title">{workshop.title}</p>
        <div className="workshop-bar">
          <WorkshopNav workshopId={workshop.id} canManage={workshop.can["members.view"]} />
          <LiveCount workshopId={workshop.id} />
        </div>
        {workshop.status !== "OPEN" && (
          <p className="notice" role="status">
            {t(`statusNotice.${workshop.status}`)}
          </p>
        )}
        <RuleBanner attribution={workshop.attribution} />
      </header>
      {children}
    </div>
  );
}
