-- Contributions stop recording their author's user id: they get an owner tag (an HMAC of the
-- user id under the workshop's ownership key, lib/ownership/), which the server can compute and
-- this SQL cannot (the key is encrypted under a secret the database never sees). So the authors
-- of existing rows move to "PendingOwnership", and the server turns them into owner tags at its
-- next start (lib/ownership/convert-pending-ownership.ts), emptying that table and vacuuming.

-- CreateEnum
CREATE TYPE "ContributionKind" AS ENUM ('ANNOTATION', 'REPLY', 'THEME_PROPOSAL', 'LESSON', 'EVIDENCE', 'STANCE');

-- CreateTable
CREATE TABLE "PendingOwnership" (
    "kind" "ContributionKind" NOT NULL,
    "itemId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "PendingOwnership_pkey" PRIMARY KEY ("kind","itemId")
);

INSERT INTO "PendingOwnership" ("kind", "itemId", "workshopId", "userId")
SELECT 'ANNOTATION', "id", "workshopId", "authorId" FROM "Annotation";

INSERT INTO "PendingOwnership" ("kind", "itemId", "workshopId", "userId")
SELECT 'REPLY', r."id", a."workshopId", r."authorId" FROM "AnnotationReply" r JOIN "Annotation" a ON a."id" = r."annotationId";

INSERT INTO "PendingOwnership" ("kind", "itemId", "workshopId", "userId")
SELECT 'LESSON', "id", "workshopId", "authorId" FROM "Lesson";

INSERT INTO "PendingOwnership" ("kind", "itemId", "workshopId", "userId")
SELECT 'THEME_PROPOSAL', "id", "workshopId", "authorId" FROM "ThemeProposal";

-- No code ever wrote stances; the table changes its key.
DELETE FROM "Stance";

-- DropForeignKey
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_authorId_fkey";

-- DropForeignKey
ALTER TABLE "AnnotationReply" DROP CONSTRAINT "AnnotationReply_authorId_fkey";

-- DropForeignKey
ALTER TABLE "Lesson" DROP CONSTRAINT "Lesson_authorId_fkey";

-- DropForeignKey
ALTER TABLE "MeetingNoteVersion" DROP CONSTRAINT "MeetingNoteVersion_createdById_fkey";

-- DropForeignKey
ALTER TABLE "Stance" DROP CONSTRAINT "Stance_userId_fkey";

-- DropForeignKey
ALTER TABLE "ThemeProposal" DROP CONSTRAINT "ThemeProposal_authorId_fkey";

-- AlterTable
ALTER TABLE "Annotation" DROP COLUMN "authorId",
ADD COLUMN     "ownerTag" TEXT;

-- AlterTable
ALTER TABLE "AnnotationReply" DROP COLUMN "authorId",
ADD COLUMN     "ownerTag" TEXT;

-- AlterTable
ALTER TABLE "Lesson" DROP COLUMN "authorId",
ADD COLUMN     "ownerTag" TEXT;

-- AlterTable
ALTER TABLE "LessonEvidence" ADD COLUMN     "ownerTag" TEXT;

-- AlterTable
ALTER TABLE "ThemeProposal" DROP COLUMN "authorId",
ADD COLUMN     "ownerTag" TEXT;

-- AlterTable
ALTER TABLE "MeetingNoteVersion" DROP COLUMN "createdById";

-- AlterTable
ALTER TABLE "Stance" DROP CONSTRAINT "Stance_pkey",
DROP COLUMN "userId",
ADD COLUMN     "id" TEXT NOT NULL,
ADD COLUMN     "ownerTag" TEXT,
ADD CONSTRAINT "Stance_pkey" PRIMARY KEY ("id");

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "sealedAt" TIMESTAMP(3);

-- Workshops closed before this migration start their sealing clock now.
UPDATE "Workshop" SET "closedAt" = CURRENT_TIMESTAMP WHERE "status" = 'CLOSED';

-- CreateTable
CREATE TABLE "WorkshopOwnershipKey" (
    "workshopId" TEXT NOT NULL,
    "encryptedKey" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopOwnershipKey_pkey" PRIMARY KEY ("workshopId")
);

-- CreateTable
CREATE TABLE "Attribution" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "kind" "ContributionKind" NOT NULL,
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "Attribution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attribution_workshopId_idx" ON "Attribution"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "Attribution_kind_itemId_key" ON "Attribution"("kind", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Stance_lessonId_ownerTag_key" ON "Stance"("lessonId", "ownerTag");

-- AddForeignKey
ALTER TABLE "WorkshopOwnershipKey" ADD CONSTRAINT "WorkshopOwnershipKey_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attribution" ADD CONSTRAINT "Attribution_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
