-- Every save of an answer is kept as a revision, written by the database in
-- the same statement as the answer itself (as the SQLite migration
-- 20261127060000_answer_revision_trigger does).
-- The pg driver adapter splits a migration at every semicolon, even inside a
-- function body, so the body is an escape string with \073 for each semicolon.
CREATE FUNCTION "Answer_keep_revision"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "AnswerRevision" ("roundId", "memberId", "questionId", "revision", "value", "afterSubmit", "savedAt")
  VALUES (NEW."roundId", NEW."memberId", NEW."questionId", NEW."revision", NEW."value", NEW."status" = \'submitted\', NEW."updatedAt")\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "Answer_revision_on_insert" AFTER INSERT ON "Answer"
  FOR EACH ROW EXECUTE FUNCTION "Answer_keep_revision"();

CREATE TRIGGER "Answer_revision_on_update" AFTER UPDATE OF "value", "revision" ON "Answer"
  FOR EACH ROW EXECUTE FUNCTION "Answer_keep_revision"();
