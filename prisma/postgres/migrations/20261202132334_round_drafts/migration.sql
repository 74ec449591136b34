-- CreateTable
CREATE TABLE "RoundDraft" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "RoundDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoundDraft_committeeId_idx" ON "RoundDraft"("committeeId");
