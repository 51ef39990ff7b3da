-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "retentionAppliedAt" TIMESTAMP(3),
ADD COLUMN     "retentionDays" INTEGER;
