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
};

} // namespace storyline::sqlite_schema
