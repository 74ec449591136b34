-- CreateTable
CREATE TABLE "RosterEntry" (
    "committeeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "member" TEXT NOT NULL,
    "fileBase" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "RosterEntry_pkey" PRIMARY KEY ("committeeId","memberId")
);
