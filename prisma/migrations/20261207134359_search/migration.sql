-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "AnnotationReply" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "MeetingNote" ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "SourceSearchParagraph" (
    "sourceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "workshopId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "searchVector" tsvector,

    CONSTRAINT "SourceSearchParagraph_pkey" PRIMARY KEY ("sourceId","position")
);

-- CreateIndex
CREATE INDEX "SourceSearchParagraph_workshopId_idx" ON "SourceSearchParagraph"("workshopId");

-- CreateIndex
CREATE INDEX "SourceSearchParagraph_searchVector_idx" ON "SourceSearchParagraph" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Annotation_searchVector_idx" ON "Annotation" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "AnnotationReply_searchVector_idx" ON "AnnotationReply" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Lesson_searchVector_idx" ON "Lesson" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "MeetingNote_searchVector_idx" ON "MeetingNote" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "SourceSearchParagraph" ADD CONSTRAINT "SourceSearchParagraph_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The search configuration of a text: French when its first words hold more common French
-- words than common English ones, English otherwise. Texts are indexed in their own language
-- (a workshop may mix both) and queries are read in both (lib/search/search-workshop.ts).
CREATE FUNCTION rapporteur_search_config(body text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN counts.french > counts.english THEN 'pg_catalog.french'::regconfig ELSE 'pg_catalog.english'::regconfig END
  FROM (
    SELECT
      count(*) FILTER (WHERE word IN ('le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'est', 'sont', 'que', 'qui',
        'dans', 'pour', 'par', 'sur', 'au', 'aux', 'avec', 'ces', 'cette', 'pas', 'ne', 'il', 'elle', 'ils', 'nous', 'vous',
        'ont', 'été', 'être', 'leur', 'leurs', 'mais', 'ou', 'se', 'sa', 'son', 'ses', 'plus', 'entre', 'à', 'où')) AS french,
      count(*) FILTER (WHERE word IN ('the', 'a', 'an', 'of', 'and', 'is', 'are', 'was', 'were', 'to', 'in', 'that', 'for',
        'with', 'on', 'this', 'these', 'by', 'be', 'been', 'from', 'it', 'its', 'not', 'have', 'has', 'had', 'their',
        'they', 'we', 'you', 'but', 'or', 'which', 'who', 'as', 'at', 'more', 'between', 'than', 'will', 'would')) AS english
    FROM regexp_split_to_table(lower(left(body, 4000)), '[^[:alnum:]]+') AS word
  ) AS counts
$$;

CREATE FUNCTION rapporteur_search_vector(body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector(rapporteur_search_config(body), body)
$$;

CREATE FUNCTION rapporteur_annotation_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := rapporteur_search_vector(NEW."comment");
  RETURN NEW;
END $$;
CREATE TRIGGER "Annotation_searchVector" BEFORE INSERT OR UPDATE OF "comment" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION rapporteur_annotation_search_vector();

CREATE FUNCTION rapporteur_reply_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := rapporteur_search_vector(NEW."body");
  RETURN NEW;
END $$;
CREATE TRIGGER "AnnotationReply_searchVector" BEFORE INSERT OR UPDATE OF "body" ON "AnnotationReply"
  FOR EACH ROW EXECUTE FUNCTION rapporteur_reply_search_vector();

-- The statement weighs more than the elaboration; both are read in the statement's and
-- elaboration's common language.
CREATE FUNCTION rapporteur_lesson_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  config regconfig := rapporteur_search_config(NEW."statement" || ' ' || NEW."elaboration");
BEGIN
  NEW."searchVector" := setweight(to_tsvector(config, NEW."statement"), 'A') || setweight(to_tsvector(config, NEW."elaboration"), 'B');
  RETURN NEW;
END $$;
CREATE TRIGGER "Lesson_searchVector" BEFORE INSERT OR UPDATE OF "statement", "elaboration" ON "Lesson"
  FOR EACH ROW EXECUTE FUNCTION rapporteur_lesson_search_vector();

CREATE FUNCTION rapporteur_note_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := rapporteur_search_vector(NEW."plainText");
  RETURN NEW;
END $$;
CREATE TRIGGER "MeetingNote_searchVector" BEFORE INSERT OR UPDATE OF "plainText" ON "MeetingNote"
  FOR EACH ROW EXECUTE FUNCTION rapporteur_note_search_vector();

CREATE FUNCTION rapporteur_paragraph_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := rapporteur_search_vector(NEW."text");
  RETURN NEW;
END $$;
CREATE TRIGGER "SourceSearchParagraph_searchVector" BEFORE INSERT OR UPDATE OF "text" ON "SourceSearchParagraph"
  FOR EACH ROW EXECUTE FUNCTION rapporteur_paragraph_search_vector();

-- What was written before this migration.
UPDATE "Annotation" SET "comment" = "comment";
UPDATE "AnnotationReply" SET "body" = "body";
UPDATE "Lesson" SET "statement" = "statement";
UPDATE "MeetingNote" SET "plainText" = "plainText";
