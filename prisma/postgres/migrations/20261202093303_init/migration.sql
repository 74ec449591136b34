-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Committee" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "committeeId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT,
    "platforms" TEXT NOT NULL,
    "timeZone" TEXT,
    "locale" TEXT,
    "active" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("committeeId","id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "anonymous" BOOLEAN NOT NULL,
    "allowLate" BOOLEAN NOT NULL,
    "reminders" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "summarisedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "roundId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("roundId","id")
);

-- CreateTable
CREATE TABLE "Question" (
    "roundId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "help" TEXT,
    "kind" TEXT NOT NULL,
    "options" TEXT,
    "scaleMin" INTEGER,
    "scaleMax" INTEGER,
    "scaleMinLabel" TEXT,
    "scaleMaxLabel" TEXT,
    "required" BOOLEAN NOT NULL,
    "maxLength" INTEGER NOT NULL,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("roundId","id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "platform" TEXT,
    "deliveryState" TEXT NOT NULL,
    "failureReason" TEXT,
    "channelRef" TEXT,
    "messageRef" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "late" BOOLEAN NOT NULL,
    "removedAt" TIMESTAMP(3),
    "lastAskedQuestionId" TEXT,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("roundId","memberId")
);

-- CreateTable
CREATE TABLE "Answer" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("roundId","memberId","questionId")
);

-- CreateTable
CREATE TABLE "AnswerRevision" (
    "id" SERIAL NOT NULL,
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "afterSubmit" BOOLEAN NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnswerRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "memberId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "lastError" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "claimant" TEXT,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "key" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT,
    "messageId" TEXT,
    "error" TEXT,
    "claimant" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "roundId" TEXT,
    "memberId" TEXT,
    "detail" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Summary" (
    "id" SERIAL NOT NULL,
    "roundId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT,
    "format" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Summary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Heartbeat" (
    "id" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "platforms" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "beatAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "Heartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Member_id_idx" ON "Member"("id");

-- CreateIndex
CREATE INDEX "Round_committeeId_idx" ON "Round"("committeeId");

-- CreateIndex
CREATE INDEX "Question_roundId_itemId_idx" ON "Question"("roundId", "itemId");

-- CreateIndex
CREATE INDEX "Invitation_memberId_idx" ON "Invitation"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "AnswerRevision_roundId_memberId_questionId_revision_key" ON "AnswerRevision"("roundId", "memberId", "questionId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "Job_key_key" ON "Job"("key");

-- CreateIndex
CREATE INDEX "Job_state_dueAt_idx" ON "Job"("state", "dueAt");

-- CreateIndex
CREATE INDEX "Job_roundId_idx" ON "Job"("roundId");

-- CreateIndex
CREATE INDEX "Outbox_state_updatedAt_idx" ON "Outbox"("state", "updatedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_roundId_idx" ON "AuditEvent"("roundId");

-- CreateIndex
CREATE INDEX "Summary_roundId_idx" ON "Summary"("roundId");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_roundId_itemId_fkey" FOREIGN KEY ("roundId", "itemId") REFERENCES "AgendaItem"("roundId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
