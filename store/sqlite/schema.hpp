#pragma once
// The SQLite schema as an ordered list of migrations: migration N brings user_version from
// N to N+1. Never edit a released migration; append a new one.
#include <array>

namespace storyline::sqlite_schema {

inline constexpr std::array migrations{
    // 1: articles, their sources and the four annotation layers.
    R"sql(
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  lang TEXT NOT NULL,
  published TEXT NOT NULL,
  published_source TEXT NOT NULL,
  url TEXT NOT NULL,
  author TEXT NOT NULL,
  source_name TEXT NOT NULL,
  format TEXT NOT NULL,
  content_hash TEXT NOT NULL
);
CREATE TABLE sources (
  source_key TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED,
  content_hash TEXT NOT NULL,
  url TEXT NOT NULL
);
CREATE INDEX sources_article ON sources(article_id);
CREATE TABLE sentences (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE timexes (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT NOT NULL, freq TEXT NOT NULL, relative INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE entity_mentions (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT NOT NULL, key TEXT NOT NULL, canonical TEXT NOT NULL, kb_id TEXT NOT NULL, confidence REAL NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE event_mentions (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  type TEXT NOT NULL, lemma TEXT NOT NULL, summary TEXT NOT NULL,
  agents TEXT NOT NULL, targets TEXT NOT NULL, places TEXT NOT NULL,
  timex INTEGER NOT NULL, time_value TEXT NOT NULL, time_source TEXT NOT NULL, modality TEXT NOT NULL,
  confidence REAL NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
)sql",
    // 2: the four annotation layers packed as JSON arrays, one row per article (layer_json.hpp):
    // a mention was a B-tree insert keyed by a random article id, and writing them took more
    // time than annotating. Views under the old table names keep plain-SQL reading working.
    // A rowid table: rows of kilobytes pack badly into a WITHOUT ROWID B-tree keyed by random ids.
    R"sql(
CREATE TABLE layers (
  article_id TEXT PRIMARY KEY,
  sentences TEXT NOT NULL, timexes TEXT NOT NULL, entities TEXT NOT NULL, events TEXT NOT NULL
);
INSERT INTO layers
SELECT a.id,
  (SELECT json_group_array(json_array(start, end)) FROM
     (SELECT start, end FROM sentences WHERE article_id = a.id ORDER BY idx)),
  (SELECT json_group_array(json_array(start, end, type, value, mod, freq, relative)) FROM
     (SELECT * FROM timexes WHERE article_id = a.id ORDER BY idx)),
  (SELECT json_group_array(json_array(start, end, type, key, canonical, kb_id, confidence)) FROM
     (SELECT * FROM entity_mentions WHERE article_id = a.id ORDER BY idx)),
  (SELECT json_group_array(json_array(start, end, sentence_start, sentence_end, type, lemma, summary,
            json('[' || agents || ']'), json('[' || targets || ']'), json('[' || places || ']'),
            timex, time_value, time_source, modality, confidence)) FROM
     (SELECT * FROM event_mentions WHERE article_id = a.id ORDER BY idx))
FROM articles a;
DROP TABLE sentences;
DROP TABLE timexes;
DROP TABLE entity_mentions;
DROP TABLE event_mentions;
CREATE VIEW sentences AS
  SELECT l.article_id, j.key AS idx, j.value ->> 0 AS start, j.value ->> 1 AS end
  FROM layers l, json_each(l.sentences) j;
CREATE VIEW timexes AS
  SELECT l.article_id, j.key AS idx, j.value ->> 0 AS start, j.value ->> 1 AS end, j.value ->> 2 AS type,
         j.value ->> 3 AS value, j.value ->> 4 AS mod, j.value ->> 5 AS freq, j.value ->> 6 AS relative
  FROM layers l, json_each(l.timexes) j;
CREATE VIEW entity_mentions AS
  SELECT l.article_id, j.key AS idx, j.value ->> 0 AS start, j.value ->> 1 AS end, j.value ->> 2 AS type,
         j.value ->> 3 AS key, j.value ->> 4 AS canonical, j.value ->> 5 AS kb_id, j.value ->> 6 AS confidence
  FROM layers l, json_each(l.entities) j;
CREATE VIEW event_mentions AS
  SELECT l.article_id, j.key AS idx, j.value ->> 0 AS start, j.value ->> 1 AS end,
         j.value ->> 2 AS sentence_start, j.value ->> 3 AS sentence_end, j.value ->> 4 AS type,
         j.value ->> 5 AS lemma, j.value ->> 6 AS summary, j.value -> 7 AS agents, j.value -> 8 AS targets,
         j.value -> 9 AS places, j.value ->> 10 AS timex, j.value ->> 11 AS time_value,
         j.value ->> 12 AS time_source, j.value ->> 13 AS modality, j.value ->> 14 AS confidence
  FROM layers l, json_each(l.events) j;
)sql",
    // 3: the layers move into their article's row and `layers` becomes a view of them: an
    // article was two inserts into two tables, each with its own index on the random id. Sources
    // become a WITHOUT ROWID table keyed by source_key (small rows: one B-tree instead of two).
    R"sql(
ALTER TABLE articles ADD COLUMN sentences TEXT;
ALTER TABLE articles ADD COLUMN timexes TEXT;
ALTER TABLE articles ADD COLUMN entities TEXT;
ALTER TABLE articles ADD COLUMN events TEXT;
UPDATE articles SET (sentences, timexes, entities, events) =
  (SELECT l.sentences, l.timexes, l.entities, l.events FROM layers l WHERE l.article_id = articles.id);
DROP TABLE layers;
CREATE VIEW layers AS
  SELECT id AS article_id, sentences, timexes, entities, events FROM articles WHERE sentences IS NOT NULL;
CREATE TABLE sources_v3 (
  source_key TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED,
  content_hash TEXT NOT NULL,
  url TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO sources_v3 (source_key, article_id, content_hash, url) SELECT source_key, article_id, content_hash, url FROM sources;
DROP TABLE sources;
ALTER TABLE sources_v3 RENAME TO sources;
CREATE INDEX sources_article ON sources(article_id);
)sql",
    // 4: an event's summary that is its sentence's own bytes is stored as null (a quarter of the
    // layers' bytes); the view reads it back from the article text, bytes not characters (the
    // offsets are byte offsets). v3 rows, with the summary written out, read the same.
    R"sql(
DROP VIEW event_mentions;
CREATE VIEW event_mentions AS
  SELECT a.id AS article_id, j.key AS idx, j.value ->> 0 AS start, j.value ->> 1 AS end,
         j.value ->> 2 AS sentence_start, j.value ->> 3 AS sentence_end, j.value ->> 4 AS type,
         j.value ->> 5 AS lemma,
         coalesce(j.value ->> 6, CAST(substr(CAST(a.text AS BLOB), (j.value ->> 2) + 1,
                                              (j.value ->> 3) - (j.value ->> 2)) AS TEXT)) AS summary,
         j.value -> 7 AS agents, j.value -> 8 AS targets,
         j.value -> 9 AS places, j.value ->> 10 AS timex, j.value ->> 11 AS time_value,
         j.value ->> 12 AS time_source, j.value ->> 13 AS modality, j.value ->> 14 AS confidence
  FROM articles a, json_each(a.events) j WHERE a.events IS NOT NULL;
)sql",
};

// The index of the sources by article, as migrations 1 and 3 create it: a bulk load into an
// empty database drops it and builds it at its end (SqliteStore::begin_bulk_load), and opening
// a database builds it if a killed load left it out.
inline constexpr const char* sources_article_index = "CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id)";

} // namespace storyline::sqlite_schema
