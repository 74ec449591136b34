-- CreateTable
CREATE TABLE "RosterEntry" (
    "committeeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "member" TEXT NOT NULL,
    "fileBase" TEXT,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT NOT NULL,

    PRIMARY KEY ("committeeId", "memberId")
);
