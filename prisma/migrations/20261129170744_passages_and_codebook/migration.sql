-- Passages become rows of their own (annotations, lesson evidence and note footnotes point to
-- them), themes get a colour and a case-insensitive name key, theme proposals appear.
-- Existing annotations keep their highlight: each placed span becomes one passage (annotations
-- on the same span share it) and each orphaned annotation gets an orphaned passage with its quote.

-- CreateEnum
CREATE TYPE "ThemeProposalStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "PassageState" AS ENUM ('PLACED', 'MOVED', 'ORPHANED');

-- CreateTable
CREATE TABLE "Passage" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "start" INTEGER,
    "end" INTEGER,
    "state" "PassageState" NOT NULL DEFAULT 'PLACED',

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("id")
);

-- Placed spans: one passage per (source, start, end), selectors from the first annotation by id
-- (annotations on one span of one text have the same selectors). Ids are random, like cuid2.
INSERT INTO "Passage" ("id", "workshopId", "sourceId", "revision", "exact", "prefix", "suffix", "start", "end", "state")
SELECT 'p' || substr(md5(random()::text || a."id"), 1, 24), a."workshopId", a."sourceId", s."revision",
       a."exact", a."prefix", a."suffix", a."start", a."end", 'PLACED'
FROM (
    SELECT DISTINCT ON ("sourceId", "start", "end") *
    FROM "Annotation"
    WHERE "start" IS NOT NULL AND "end" IS NOT NULL AND NOT "isOrphan"
    ORDER BY "sourceId", "start", "end", "id"
) a
JOIN "Source" s ON s."id" = a."sourceId";

-- Orphans: one passage each, keeping the quote.
INSERT INTO "Passage" ("id", "workshopId", "sourceId", "revision", "exact", "prefix", "suffix", "start", "end", "state")
SELECT 'o' || substr(md5(a."id"), 1, 24), a."workshopId", a."sourceId", s."revision",
       a."exact", a."prefix", a."suffix", NULL, NULL, 'ORPHANED'
FROM "Annotation" a
JOIN "Source" s ON s."id" = a."sourceId"
WHERE a."start" IS NULL OR a."end" IS NULL OR a."isOrphan";

ALTER TABLE "Annotation" ADD COLUMN "passageId" TEXT;

UPDATE "Annotation" a SET "passageId" = p."id"
FROM "Passage" p
WHERE a."start" IS NOT NULL AND a."end" IS NOT NULL AND NOT a."isOrphan"
  AND p."sourceId" = a."sourceId" AND p."start" = a."start" AND p."end" = a."end";

UPDATE "Annotation" SET "passageId" = 'o' || substr(md5("id"), 1, 24) WHERE "passageId" IS NULL;

ALTER TABLE "Annotation" ALTER COLUMN "passageId" SET NOT NULL;

-- DropForeignKey
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_sourceId_fkey";

-- DropIndex
DROP INDEX "Annotation_sourceId_start_idx";

-- AlterTable
ALTER TABLE "Annotation" DROP COLUMN "end",
DROP COLUMN "exact",
DROP COLUMN "isOrphan",
DROP COLUMN "prefix",
DROP COLUMN "sourceId",
DROP COLUMN "start",
DROP COLUMN "suffix",
ADD COLUMN     "editedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AnnotationReply" ADD COLUMN     "editedAt" TIMESTAMP(3);

-- Lesson evidence was never written by any code: its selector columns give way to a passage.
DELETE FROM "LessonEvidence";

-- DropForeignKey
ALTER TABLE "LessonEvidence" DROP CONSTRAINT "LessonEvidence_annotationId_fkey";

-- DropForeignKey
ALTER TABLE "LessonEvidence" DROP CONSTRAINT "LessonEvidence_sourceId_fkey";

-- DropIndex
DROP INDEX "LessonEvidence_lessonId_idx";

-- DropIndex
DROP INDEX "LessonEvidence_sourceId_idx";

-- AlterTable
ALTER TABLE "LessonEvidence" DROP COLUMN "annotationId",
DROP COLUMN "end",
DROP COLUMN "exact",
DROP COLUMN "prefix",
DROP COLUMN "sourceId",
DROP COLUMN "start",
DROP COLUMN "suffix",
ADD COLUMN     "note" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "passageId" TEXT NOT NULL;

-- Themes: positions without gaps, a colour from the palette by position (lib/themes/palette.ts,
-- in its order), and the folded name (lib/themes/name-key.ts; the application compares names
-- itself, this key lets the database refuse a duplicate created concurrently).
ALTER TABLE "Theme" ADD COLUMN "color" TEXT, ADD COLUMN "nameKey" TEXT;

UPDATE "Theme" t SET "position" = ranked.rank - 1
FROM (SELECT "id", row_number() OVER (PARTITION BY "workshopId" ORDER BY "position", "name", "id") AS rank FROM "Theme") ranked
WHERE ranked."id" = t."id";

UPDATE "Theme" SET
  "color" = (ARRAY['orange', 'red', 'pink', 'fuchsia', 'purple', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'stone'])[("position" % 12) + 1],
  "nameKey" = lower(regexp_replace(btrim("name"), '\s+', ' ', 'g'));

-- Names that differed only by case were allowed before: later ones get a number.
UPDATE "Theme" t SET "name" = t."name" || ' (' || dup.rank || ')', "nameKey" = t."nameKey" || ' (' || dup.rank || ')'
FROM (SELECT "id", row_number() OVER (PARTITION BY "workshopId", "nameKey" ORDER BY "position", "id") AS rank FROM "Theme") dup
WHERE dup."id" = t."id" AND dup.rank > 1;

ALTER TABLE "Theme" ALTER COLUMN "color" SET NOT NULL, ALTER COLUMN "nameKey" SET NOT NULL;

-- DropIndex
DROP INDEX "Theme_workshopId_name_key";

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "codebookOriginId" TEXT;

-- CreateTable
CREATE TABLE "ThemeProposal" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "ThemeProposalStatus" NOT NULL DEFAULT 'PENDING',
    "response" TEXT NOT NULL DEFAULT '',
    "themeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ThemeProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ThemeProposal_workshopId_status_idx" ON "ThemeProposal"("workshopId", "status");

-- CreateIndex
CREATE INDEX "Passage_workshopId_idx" ON "Passage"("workshopId");

-- CreateIndex
CREATE INDEX "Passage_sourceId_start_idx" ON "Passage"("sourceId", "start");

-- CreateIndex
CREATE INDEX "Annotation_passageId_idx" ON "Annotation"("passageId");

-- CreateIndex
CREATE INDEX "LessonEvidence_passageId_idx" ON "LessonEvidence"("passageId");

-- CreateIndex
CREATE UNIQUE INDEX "LessonEvidence_lessonId_passageId_key" ON "LessonEvidence"("lessonId", "passageId");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_workshopId_nameKey_key" ON "Theme"("workshopId", "nameKey");

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_codebookOriginId_fkey" FOREIGN KEY ("codebookOriginId") REFERENCES "Workshop"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeProposal" ADD CONSTRAINT "ThemeProposal_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeProposal" ADD CONSTRAINT "ThemeProposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeProposal" ADD CONSTRAINT "ThemeProposal_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonEvidence" ADD CONSTRAINT "LessonEvidence_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
