#pragma once
// The PostgreSQL schema as an ordered list of migrations: migration N brings schema_version
// from N to N+1. Never edit a released migration; append a new one. The concepts and columns
// follow store/sqlite/schema.hpp; identifiers sort with COLLATE "C" (byte order) so that
// `ORDER BY id` gives what SQLite's BINARY collation gives, and spans are start_byte/end_byte
// because END is a reserved word here.
#include <array>

namespace storyline::postgres_schema {

inline constexpr std::array migrations{
    // 1: articles, their sources and the four annotation layers.
    R"sql(
CREATE TABLE articles (
  id text COLLATE "C" PRIMARY KEY,
  title text NOT NULL,
  text text NOT NULL,
  lang text NOT NULL,
  published text NOT NULL,
  published_source text NOT NULL,
  url text NOT NULL,
  author text NOT NULL,
  source_name text NOT NULL,
  format text NOT NULL,
  content_hash text NOT NULL
);
CREATE TABLE sources (
  source_key text COLLATE "C" PRIMARY KEY,
  article_id text COLLATE "C" NOT NULL REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED,
  content_hash text NOT NULL,
  url text NOT NULL
);
CREATE INDEX sources_article ON sources (article_id, source_key);
CREATE TABLE sentences (
  article_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL, start_byte bigint NOT NULL, end_byte bigint NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE TABLE timexes (
  article_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL, start_byte bigint NOT NULL, end_byte bigint NOT NULL,
  type text NOT NULL, value text NOT NULL, mod text NOT NULL, freq text NOT NULL, relative boolean NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE TABLE entity_mentions (
  article_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL, start_byte bigint NOT NULL, end_byte bigint NOT NULL,
  type text NOT NULL, key text NOT NULL, canonical text NOT NULL, kb_id text NOT NULL,
  confidence double precision NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX entity_mentions_key ON entity_mentions (type, key);
CREATE TABLE event_mentions (
  article_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL, start_byte bigint NOT NULL, end_byte bigint NOT NULL,
  sentence_start bigint NOT NULL, sentence_end bigint NOT NULL,
  type text NOT NULL, lemma text NOT NULL, summary text NOT NULL,
  agents integer[] NOT NULL, targets integer[] NOT NULL, places integer[] NOT NULL,
  timex integer NOT NULL, time_value text NOT NULL, time_source text NOT NULL, modality text NOT NULL,
  confidence double precision NOT NULL,
  PRIMARY KEY (article_id, idx)
);
)sql",
};

} // namespace storyline::postgres_schema
