-- CreateTable
CREATE TABLE "SynthesisRevision" (
    "id" SERIAL NOT NULL,
    "roundId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SynthesisRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpAction" (
    "roundId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "department" TEXT,
    "dueDate" TEXT,
    "status" TEXT NOT NULL,
    "questionIds" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "FollowUpAction_pkey" PRIMARY KEY ("roundId","number")
);

-- CreateIndex
CREATE UNIQUE INDEX "SynthesisRevision_roundId_targetId_revision_key" ON "SynthesisRevision"("roundId", "targetId", "revision");

-- CreateIndex
CREATE INDEX "FollowUpAction_status_dueDate_idx" ON "FollowUpAction"("status", "dueDate");
