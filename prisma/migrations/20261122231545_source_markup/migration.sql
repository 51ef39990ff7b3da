-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "markup" TEXT NOT NULL DEFAULT '';

-- Sources imported before this migration stored their markup in "text".
UPDATE "Source" SET "markup" = "text" WHERE "markup" = '';
