-- Lessons and consensus (issue 10).

-- Lexical similarity of lesson statements (suggestions while typing). PGlite loads pg_trgm too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The lesson's text: renamed, keeping what was written.
ALTER TABLE "Lesson" RENAME COLUMN "title" TO "statement";
ALTER TABLE "Lesson" RENAME COLUMN "body" TO "elaboration";

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" TEXT;

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "consensusThresholds" JSONB,
ADD COLUMN     "holdStances" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stancesRevealedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LessonMergeNotice" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "ownerTag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonMergeNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Lesson_statement_trgm_idx" ON "Lesson" USING GIN ("statement" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "LessonMergeNotice_workshopId_idx" ON "LessonMergeNotice"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "LessonMergeNotice_lessonId_ownerTag_key" ON "LessonMergeNotice"("lessonId", "ownerTag");

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Lesson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonMergeNotice" ADD CONSTRAINT "LessonMergeNotice_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonMergeNotice" ADD CONSTRAINT "LessonMergeNotice_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;
