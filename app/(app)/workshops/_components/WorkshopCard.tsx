import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { PresentedWorkshop } from "@/lib/workshops/present";

export async function WorkshopCard({ workshop }: { workshop: PresentedWorkshop }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <article className="card stack-small">
      <h2 className="card-title">
        <Link href={`/workshops/${workshop.id}`}>{workshop.title}</Link>
      </h2>
      <p className="meta">
        {workshop.date && <span>{format.dateTime(new Date(workshop.date), { dateStyle: "long", timeZone: "UTC" })}</span>}
        {workshop.place && <span>{workshop.place}</span>}
        <span>{t(`roles.${workshop.myRole}`)}</span>
        {workshop.status !== "OPEN" && <span className="badge">{t(`workshop.status.${workshop.status}`)}</span>}
      </p>
    </article>
  );
}
