#include "annotators/timex/timex_grammar.hpp"

#include "annotators/timex/timex_tokenizer.hpp"
#include "core/lang/resources.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace storyline::timex {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    return parts;
}

std::vector<std::string_view> split_ws(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) parts.push_back(s.substr(i, j - i));
        i = j;
    }
    return parts;
}

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& line, const std::string& why) {
    throw std::runtime_error(file.string() + ": " + why + ": " + line);
}

// Tokenizes a lexicon form or a rule literal into normalized keys.
std::vector<std::string> keys_of(std::string_view form) {
    std::vector<Token> toks;
    // An elided form ("d'", "l'") only exists before a word: tokenize it with one.
    const bool elided = !form.empty() && form.back() == '\'';
    std::string text(form);
    if (elided) text += "x";
    std::string norm(text.size() + 16, '\0');
    tokenize(text, toks, norm.data());
    if (elided && !toks.empty()) toks.pop_back();
    std::vector<std::string> keys;
    keys.reserve(toks.size());
    for (const auto& t : toks) keys.emplace_back(std::string(t.key) + std::string(t.suffix));
    return keys;
}

void load_lexicon(Grammar& g, const std::filesystem::path& file) {
    for (const auto& line : read_optional_data_lines(file)) {
        auto parts = split(line, '|');
        if (parts.size() != 3) fail(file, line, "expected 'class | value | form, form'");
        const int cls = g.intern_class(parts[0]);
        if (parts[0] == "past_suffix" || parts[0] == "future_suffix") {
            auto& list = parts[0] == "past_suffix" ? g.past_suffixes : g.future_suffixes;
            for (auto f : split(parts[2], ',')) list.emplace_back(f);
            continue;
        }
        for (auto form : split(parts[2], ',')) {
            if (form.empty()) continue;
            LexEntry e;
            e.cls = cls;
            e.value = std::string(parts[1]);
            if (form.front() == '=') {
                form.remove_prefix(1);
                auto sp = form.find(' ');
                e.exact_first = std::string(form.substr(0, sp));
            }
            e.keys = keys_of(form);
            if (e.keys.empty()) fail(file, line, "empty form");
            const int id = static_cast<int>(g.entries.size());
            g.key_info(e.keys.front()).entries.push_back(id);
            g.entries.push_back(std::move(e));
        }
    }
}

ContextTest parse_context(Grammar& g, std::string_view spec) {
    ContextTest t;
    for (auto item : split(spec, ',')) {
        if (item == "PUNCT") t.punct = true;
        else if (!item.empty() && item.front() == '@') t.classes.push_back(g.intern_class(item.substr(1)));
        else if (!item.empty()) {
            t.literals.emplace_back(item);
            t.literal_ids.push_back(g.key_info(item).id);
        }
    }
    return t;
}

Elem parse_elem(Grammar& g, std::string_view s, const std::filesystem::path& file, const std::string& line) {
    Elem e;
    if (s.size() > 1 && s.back() == '?') {
        e.optional = true;
        s.remove_suffix(1);
    }
    if (s.size() > 1 && s.front() == '#') {
        e.kind = ElemKind::number;
        auto k = s.substr(1);
        if (k == "int") e.num = NumKind::integer;
        else if (k == "year") e.num = NumKind::year;
        else if (k == "day") e.num = NumKind::day;
        else if (k == "hour") e.num = NumKind::hour;
        else if (k == "min") e.num = NumKind::minute;
        else if (k == "yy") e.num = NumKind::year2;
        else if (k == "dec") e.num = NumKind::decade;
        else if (k == "num") e.num = NumKind::amount;
        else fail(file, line, "unknown number kind " + std::string(k));
    } else {
        e.kind = ElemKind::words;
        for (auto alt : split(s, '|')) {
            if (alt.size() > 1 && alt.front() == '@') {
                e.classes.push_back(g.intern_class(alt.substr(1)));
                continue;
            }
            auto keys = keys_of(alt);
            if (keys.size() != 1) fail(file, line, "a literal must be one token: " + std::string(alt));
            e.literals.push_back(keys.front());
            e.literal_ids.push_back(g.key_info(keys.front()).id);
        }
    }
    return e;
}

void load_rules(Grammar& g, const std::filesystem::path& file) {
    for (const auto& line : read_data_lines(file)) {
        auto parts = split(line, '|');
        // Literal alternatives use '|' too: name | TYPE | pattern... | slots. The first two
        // and the last field are fixed, the pattern is everything between.
        if (parts.size() < 4) fail(file, line, "expected 'name | TYPE | pattern | slots'");
        Rule r;
        r.name = std::string(parts[0]);
        r.type = std::string(parts[1]);
        if (r.type != "DATE" && r.type != "TIME" && r.type != "DURATION" && r.type != "SET" && r.type != "NONE")
            fail(file, line, "unknown type " + r.type);
        const std::size_t p0 = line.find('|', line.find('|') + 1) + 1;
        const std::size_t p1 = line.rfind('|');
        const std::string_view pattern = trim(std::string_view(line).substr(p0, p1 - p0));
        // Context tests may be written with the pattern or with the slots.
        std::vector<std::string_view> slots = split_ws(parts.back());
        for (auto tok : split_ws(pattern)) {
            if (tok.starts_with("prev=") || tok.starts_with("next=") || tok.starts_with("!prev=") ||
                tok.starts_with("!next="))
                slots.push_back(tok);
            else
                r.elems.push_back(parse_elem(g, tok, file, line));
        }
        if (r.elems.empty()) fail(file, line, "empty pattern");
        if (r.elems.size() > 16) fail(file, line, "more than 16 elements");
        for (auto slot : slots) {
            auto eq = slot.find('=');
            if (eq == std::string_view::npos) fail(file, line, "slot without '=': " + std::string(slot));
            auto key = slot.substr(0, eq);
            auto val = slot.substr(eq + 1);
            if (key == "prev") r.prev = parse_context(g, val);
            else if (key == "next") r.next = parse_context(g, val);
            else if (key == "!prev") r.not_prev = parse_context(g, val);
            else if (key == "!next") r.not_next = parse_context(g, val);
            else {
                r.slots.emplace_back(std::string(key), std::string(val));
                const auto* at = std::find(std::begin(slot_names), std::end(slot_names), key);
                r.slot_ids.push_back(at == std::end(slot_names) ? -1 : static_cast<int>(at - std::begin(slot_names)));
            }
        }
        r.order = static_cast<int>(g.rules.size());
        g.rules.push_back(std::move(r));
    }
    // Index rules by the elements they may start with (a leading optional element lets the
    // next one start the match too).
    g.class_rules.assign(g.class_names.size(), {});
    std::vector<unsigned> start_kinds(g.rules.size(), 0);  // number kinds a rule may start with
    for (const auto& r : g.rules) {
        for (const auto& e : r.elems) {
            if (e.kind == ElemKind::words) {
                for (const auto& lit : e.literals) g.key_info(lit).rules.push_back(r.order);
                for (int c : e.classes) g.class_rules[static_cast<std::size_t>(c)].push_back(r.order);
            } else {
                start_kinds[static_cast<std::size_t>(r.order)] |= num_kind_bit(e.num);
                if (e.num == NumKind::amount && g.cls_num >= 0)
                    g.class_rules[static_cast<std::size_t>(g.cls_num)].push_back(r.order);
            }
            if (!e.optional) break;
        }
    }
    // A number token can only start rules whose leading number elements take it: one list per
    // set of kinds a token satisfies (a decimal "1.5" never starts a #year or #day rule).
    for (unsigned kinds = 0; kinds < g.number_rules.size(); ++kinds)
        for (std::size_t ri = 0; ri < g.rules.size(); ++ri)
            if (start_kinds[ri] & kinds) g.number_rules[kinds].push_back(static_cast<int>(ri));
    for (auto& r : g.rules) {
        for (std::size_t i = 0; i < r.elems.size(); ++i) {
            auto& e = r.elems[i];
            for (int c : e.classes) {
                if (c < 64) e.class_mask |= std::uint64_t{1} << c;
                else e.mask_exact = false;
            }
            for (int l : e.literal_ids) e.literal_bits |= std::uint64_t{1} << (l % 64);
            if (!e.optional && e.kind == ElemKind::words && e.mask_exact) r.required.push_back(static_cast<int>(i));
        }
        RuleFilter f;
        f.any_begin = static_cast<std::uint32_t>(g.filter_any.size());
        for (int ei : r.required) {
            const Elem& e = r.elems[static_cast<std::size_t>(ei)];
            if (e.literal_bits == 0 && std::has_single_bit(e.class_mask)) f.all_classes |= e.class_mask;
            else g.filter_any.emplace_back(e.class_mask, e.literal_bits);
        }
        f.any_end = static_cast<std::uint32_t>(g.filter_any.size());
        g.filters.push_back(f);
    }
    for (auto& list : g.class_rules) list.erase(std::unique(list.begin(), list.end()), list.end());
    // Per rule and leading element p: what may follow when p took the start token alone.
    std::vector<std::vector<NextFilter>> follows;
    for (const auto& r : g.rules) {
        auto& per_elem = follows.emplace_back();
        for (std::size_t p = 0; p < r.elems.size(); ++p) {
            NextFilter& f = per_elem.emplace_back();
            bool ended = true;  // every element after p is optional: the match may end there
            for (std::size_t q = p + 1; q < r.elems.size(); ++q) {
                const Elem& e = r.elems[q];
                if (e.kind == ElemKind::words) {
                    f.any = f.any || !e.mask_exact;
                    f.classes |= e.class_mask;
                    f.literals |= e.literal_bits;
                } else {
                    f.nums |= num_kind_bit(e.num);
                    // An amount also takes a numeral word.
                    if (e.num == NumKind::amount) {
                        if (g.cls_num >= 0 && g.cls_num < 64) f.classes |= std::uint64_t{1} << g.cls_num;
                        else f.any = true;
                    }
                }
                if (!e.optional) {
                    ended = false;
                    break;
                }
            }
            f.any = f.any || ended;
            if (!r.elems[p].optional) break;
        }
    }
    for (std::size_t kinds = 0; kinds < g.number_rules.size(); ++kinds)
        for (int ri : g.number_rules[kinds]) {
            const Rule& r = g.rules[static_cast<std::size_t>(ri)];
            const auto& per_elem = follows[static_cast<std::size_t>(ri)];
            NextFilter& own = g.number_candidate_next[kinds].emplace_back();
            for (std::size_t p = 0; p < per_elem.size(); ++p)
                if (r.elems[p].kind == ElemKind::number && (num_kind_bit(r.elems[p].num) & kinds))
                    own.add(per_elem[p]);
            g.number_next[kinds].add(own);
        }
    for (auto& [k, info] : g.keys) {
        info.rules.erase(std::unique(info.rules.begin(), info.rules.end()), info.rules.end());
        info.candidates = info.rules;
        for (int id : info.entries) {
            const auto& rs = g.class_rules[static_cast<std::size_t>(g.entries[static_cast<std::size_t>(id)].cls)];
            info.candidates.insert(info.candidates.end(), rs.begin(), rs.end());
        }
        std::sort(info.candidates.begin(), info.candidates.end());
        info.candidates.erase(std::unique(info.candidates.begin(), info.candidates.end()), info.candidates.end());
        // Only elements that take this key as one token count: a lexicon entry of several
        // tokens (or a numeral) at the start turns the filter off (TokIndex::multi).
        info.candidate_next.clear();
        for (int ri : info.candidates) {
            const Rule& r = g.rules[static_cast<std::size_t>(ri)];
            const auto& per_elem = follows[static_cast<std::size_t>(ri)];
            NextFilter& own = info.candidate_next.emplace_back();
            for (std::size_t p = 0; p < per_elem.size(); ++p) {
                const Elem& e = r.elems[p];
                if (e.kind != ElemKind::words) continue;
                bool takes = std::find(e.literal_ids.begin(), e.literal_ids.end(), info.id) != e.literal_ids.end();
                for (int id : info.entries) {
                    const LexEntry& le = g.entries[static_cast<std::size_t>(id)];
                    if (le.keys.size() == 1 && std::find(e.classes.begin(), e.classes.end(), le.cls) != e.classes.end())
                        takes = true;
                }
                if (takes) own.add(per_elem[p]);
            }
            info.next.add(own);
        }
    }
}

} // namespace

void Grammar::finish_index() {
    std::size_t size = 16;
    while (size < keys.size() * 3) size *= 2;
    table.assign(size, Slot{});
    tags.assign(size, 0);
    table_mask = size - 1;
    table_shift = 64 - std::countr_zero(size);
    byte_keys.fill(nullptr);
    max_key_len = 0;
    for (auto& [key, info] : keys) {
        info.heads.clear();
        for (int id : info.entries) {
            const LexEntry& e = entries[static_cast<std::size_t>(id)];
            EntryHead h{id, static_cast<int>(e.keys.size()), 0, 0};
            if (e.keys.size() > 1 && !e.keys[1].empty()) {
                h.next_len = static_cast<std::uint32_t>(e.keys[1].size());
                h.next_first = e.keys[1][0];
            }
            info.heads.push_back(h);
        }
        if (key.size() == 1) {
            byte_keys[static_cast<unsigned char>(key[0])] = &info;
            continue;
        }
        max_key_len = std::max(max_key_len, key.size());
        const KeyWords w = key_words(key);
        const std::uint64_t h = key_hash(w, key.size());
        std::size_t i = h >> table_shift;
        while (tags[i] != 0) i = (i + 1) & table_mask;
        table[i] = Slot{w, key, &info};
        tags[i] = tag_of(h);
    }
}

int Grammar::class_id(std::string_view name) const {
    for (std::size_t i = 0; i < class_names.size(); ++i)
        if (class_names[i] == name) return static_cast<int>(i);
    return -1;
}

int Grammar::intern_class(std::string_view name) {
    int id = class_id(name);
    if (id >= 0) return id;
    class_names.emplace_back(name);
    return static_cast<int>(class_names.size() - 1);
}

KeyInfo& Grammar::key_info(std::string_view key) {
    auto it = keys.find(key);
    if (it != keys.end()) return it->second;
    const std::string& owned = key_store.emplace_back(key);
    KeyInfo& info = keys[std::string_view(owned)];
    info.id = static_cast<int>(keys.size() - 1);
    return info;
}

std::shared_ptr<const Grammar> load_grammar_from(const std::filesystem::path& dir, std::string lang) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return nullptr;
    auto g = std::make_shared<Grammar>();
    g->lang = std::move(lang);
    // Classes the engine gives a meaning to; interned first so they exist even when unused.
    g->cls_num = g->intern_class("num");
    g->cls_past = g->intern_class("past");
    g->cls_future = g->intern_class("future");
    g->cls_range_from = g->intern_class("range_from");
    g->cls_range_to = g->intern_class("range_to");
    g->cls_premod = g->intern_class("premod");
    g->cls_aux = g->intern_class("aux");
    g->cls_report = g->intern_class("report");
    g->cls_perfect = g->intern_class("perfect");
    g->cls_nocue = g->intern_class("nocue");
    load_lexicon(*g, dir / "lexicon.txt");
    load_lexicon(*g, dir / "tense.txt");
    load_rules(*g, dir / "rules.txt");
    g->finish_index();
    return g;
}

std::shared_ptr<const Grammar> load_grammar(std::string_view lang) {
    return load_grammar_from(language_file(lang, "timex"), std::string(lang));
}

} // namespace storyline::timex
