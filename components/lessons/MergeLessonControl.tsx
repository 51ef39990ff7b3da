"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { excerpt } from "./EvidenceChips";
import type { Lesson } from "./types";

interface MergeLessonControlProps {
  lesson: Lesson;
  /** The board's lessons: the others are the possible duplicates. */
  lessons: Lesson[];
  onMerge: (fromLessonId: string) => Promise<void>;
}

/** Choose the duplicate, then confirm in a dialog that states what a merge does to stances. */
export function MergeLessonControl({ lesson, lessons, onMerge }: MergeLessonControlProps) {
  const t = useTranslations("lessons.actions");
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [fromId, setFromId] = useState("");
  const duplicate = lessons.find((other) => other.id === fromId && other.id !== lesson.id);
  if (lessons.length < 2) return null;
  // The list of duplicates is built on demand: a board of many lessons would otherwise carry
  // every statement once per card.
  if (!isOpen) {
    return (
      <button type="button" className="button button-small" aria-expanded={false} onClick={() => setIsOpen(true)}>
        {t("merge")}
      </button>
    );
  }
  return (
    <span className="inline-form">
      <label htmlFor={`${id}-from`} className="visually-hidden">
        {t("mergeLabel", { statement: excerpt(lesson.statement, 80) })}
      </label>
      <select id={`${id}-from`} autoFocus value={fromId} onChange={(event) => setFromId(event.target.value)}>
        <option value="">{t("mergeChoose")}</option>
        {lessons
          .filter((other) => other.id !== lesson.id)
          .map((other) => (
          <option key={other.id} value={other.id}>
            {excerpt(other.statement, 80)}
          </option>
        ))}
      </select>
      <ConfirmDialog
        trigger={
          <button type="button" className="button button-small" disabled={!duplicate}>
            {t("mergeButton")}
          </button>
        }
        title={t("mergeTitle")}
        description={
          <div className="stack-small">
            <p>{t("mergeKept", { kept: excerpt(lesson.statement, 120), merged: excerpt(duplicate?.statement ?? "", 120) })}</p>
            <p>{t("mergeRule")}</p>
          </div>
        }
        confirmLabel={t("mergeConfirm")}
        cancelLabel={t("cancel")}
        onConfirm={async () => {
          await onMerge(fromId);
          setFromId("");
          setIsOpen(false);
        }}
      />
    </span>
  );
}
