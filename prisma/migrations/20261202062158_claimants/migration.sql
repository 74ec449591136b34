-- AlterTable
ALTER TABLE "Job" ADD COLUMN "claimant" TEXT;

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "claimant" TEXT;
ALTER TABLE "Outbox" ADD COLUMN "leaseUntil" DATETIME;
