-- DropIndex
DROP INDEX "Job_state_dueAt_idx";

-- CreateIndex
CREATE INDEX "Job_state_dueAt_key_idx" ON "Job"("state", "dueAt", "key");

-- CreateIndex
CREATE INDEX "Job_state_kind_dueAt_key_idx" ON "Job"("state", "kind", "dueAt", "key");
