-- CreateTable
CREATE TABLE "Committee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "syncedAt" DATETIME NOT NULL
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

    PRIMARY KEY ("committeeId", "id"),
    CONSTRAINT "Member_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "committeeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "anonymous" BOOLEAN NOT NULL,
    "allowLate" BOOLEAN NOT NULL,
    "reminders" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "summarisedAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "roundId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,

    PRIMARY KEY ("roundId", "id"),
    CONSTRAINT "AgendaItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

    PRIMARY KEY ("roundId", "id"),
    CONSTRAINT "Question_roundId_itemId_fkey" FOREIGN KEY ("roundId", "itemId") REFERENCES "AgendaItem" ("roundId", "id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "deliveredAt" DATETIME,
    "submittedAt" DATETIME,
    "declinedAt" DATETIME,
    "declineReason" TEXT,
    "late" BOOLEAN NOT NULL,
    "removedAt" DATETIME,
    "lastAskedQuestionId" TEXT,

    PRIMARY KEY ("roundId", "memberId"),
    CONSTRAINT "Invitation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Answer" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("roundId", "memberId", "questionId"),
    CONSTRAINT "Answer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnswerRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "afterSubmit" BOOLEAN NOT NULL,
    "savedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "memberId" TEXT,
    "dueAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "lastError" TEXT,
    "lockedUntil" DATETIME,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Outbox" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT,
    "messageId" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "roundId" TEXT,
    "memberId" TEXT,
    "detail" TEXT
);

-- CreateTable
CREATE TABLE "Summary" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT,
    "format" TEXT NOT NULL,
    "postedAt" DATETIME NOT NULL
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
