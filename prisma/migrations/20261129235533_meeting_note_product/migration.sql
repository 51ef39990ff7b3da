-- CreateEnum
CREATE TYPE "NoteVersionKind" AS ENUM ('NAMED', 'SIGN_OFF', 'BEFORE_RESTORE');

-- AlterTable
ALTER TABLE "MeetingNote" ADD COLUMN     "lastSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "plainText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "roomLeaseToken" TEXT,
ADD COLUMN     "roomLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "signedOffAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "MeetingNoteVersion" ADD COLUMN     "kind" "NoteVersionKind" NOT NULL DEFAULT 'NAMED',
ADD COLUMN     "references" JSONB;

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "participantsEditNote" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "NoteGuardDismissal" (
    "id" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteGuardDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoteGuardDismissal_noteId_fingerprint_key" ON "NoteGuardDismissal"("noteId", "fingerprint");

-- AddForeignKey
ALTER TABLE "NoteGuardDismissal" ADD CONSTRAINT "NoteGuardDismissal_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "MeetingNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Log rows already stored keep their numbers: the counter starts after the highest.
UPDATE "MeetingNote" n SET "lastSeq" = COALESCE((SELECT MAX(u."seq") FROM "MeetingNoteUpdate" u WHERE u."noteId" = n."id"), 0);
