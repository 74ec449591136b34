-- Every save of an answer is kept as a revision, written by the database in
-- the same statement as the answer itself (one statement: atomic, and fast).
-- Each trigger stays on one line: statements are split at a semicolon that ends a line.
CREATE TRIGGER "Answer_revision_on_insert" AFTER INSERT ON "Answer" BEGIN INSERT INTO "AnswerRevision" ("roundId", "memberId", "questionId", "revision", "value", "afterSubmit", "savedAt") VALUES (NEW."roundId", NEW."memberId", NEW."questionId", NEW."revision", NEW."value", NEW."status" = 'submitted', NEW."updatedAt"); END;

CREATE TRIGGER "Answer_revision_on_update" AFTER UPDATE OF "value", "revision" ON "Answer" BEGIN INSERT INTO "AnswerRevision" ("roundId", "memberId", "questionId", "revision", "value", "afterSubmit", "savedAt") VALUES (NEW."roundId", NEW."memberId", NEW."questionId", NEW."revision", NEW."value", NEW."status" = 'submitted', NEW."updatedAt"); END;
