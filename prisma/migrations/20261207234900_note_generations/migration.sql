-- AlterTable
ALTER TABLE "MeetingNote" ADD COLUMN "generation" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MeetingNoteGeneration" (
    "id" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "state" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingNoteGeneration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingNoteGeneration_noteId_generation_key" ON "MeetingNoteGeneration"("noteId", "generation");

-- AddForeignKey
ALTER TABLE "MeetingNoteGeneration" ADD CONSTRAINT "MeetingNoteGeneration_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "MeetingNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;
