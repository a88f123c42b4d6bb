#include "exporters/event_view.hpp"

#include "exporters/xml_writer.hpp"

#include <algorithm>
#include <numeric>
#include <array>
#include <tuple>

namespace storyline {
namespace {

const std::array<const char*, 12> month_names{"January", "February", "March", "April", "May", "June",
                                              "July", "August", "September", "October", "November", "December"};

std::string month_name(date::sys_days d) {
    return month_names[static_cast<unsigned>(date::year_month_day{d}.month()) - 1];
}
int year_of(date::sys_days d) { return static_cast<int>(date::year_month_day{d}.year()); }
unsigned day_of_month(date::sys_days d) { return static_cast<unsigned>(date::year_month_day{d}.day()); }

std::string season_name(date::sys_days first) {
    switch (static_cast<unsigned>(date::year_month_day{first}.month())) {
    case 3: case 4: case 5: return "Spring";
    case 6: case 7: case 8: return "Summer";
    case 9: case 10: case 11: return "Autumn";
    default: return "Winter";
    }
}

std::string ordinal(int n) {
    const int mod100 = n % 100;
    const char* suffix = (mod100 >= 11 && mod100 <= 13) ? "th"
                         : n % 10 == 1                  ? "st"
                         : n % 10 == 2                  ? "nd"
                         : n % 10 == 3                  ? "rd"
                                                        : "th";
    return std::to_string(n) + suffix;
}

void sort_by_label(std::vector<const NodeProps*>& v) {
    std::sort(v.begin(), v.end(), [](const NodeProps* a, const NodeProps* b) {
        return std::tie(a->label, a->id) < std::tie(b->label, b->id);
    });
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

std::string display_date_of(const TimeInterval& w) {
    if (!w.known()) return {};
    const int y = year_of(w.first);
    switch (w.precision) {
    case Precision::day: return {};
    case Precision::week: {
        // ISO week number: the week's Thursday fixes the year; week 1 holds the year's first Thursday.
        const date::sys_days thursday = w.first + date::days{3};
        const int iso_year = year_of(thursday);
        const date::sys_days jan1 = date::sys_days{date::year{iso_year} / date::January / 1};
        const int week = static_cast<int>((thursday - jan1).count() / 7 + 1);
        std::string range = std::to_string(day_of_month(w.first));
        if (month_name(w.first) != month_name(w.last)) range += " " + month_name(w.first);
        if (year_of(w.first) != year_of(w.last)) range += " " + std::to_string(year_of(w.first));
        range += "\u2013" + std::to_string(day_of_month(w.last)) + " " + month_name(w.last) + " " +
                 std::to_string(year_of(w.last));
        return "Week " + std::to_string(week) + ", " + std::to_string(iso_year) + " (" + range + ")";
    }
    case Precision::month: return month_name(w.first) + " " + std::to_string(y);
    case Precision::quarter:
        return "Q" + std::to_string((static_cast<unsigned>(date::year_month_day{w.first}.month()) - 1) / 3 + 1) + " " +
               std::to_string(y);
    case Precision::season: {
        const std::string name = season_name(w.first);
        // A winter runs over the new year: "Winter 2021–2022".
        if (year_of(w.last) != y) return name + " " + std::to_string(y) + "\u2013" + std::to_string(year_of(w.last));
        return name + " " + std::to_string(y);
    }
    case Precision::year: return std::to_string(y);
    case Precision::decade: return std::to_string(y) + "s";
    case Precision::century: return ordinal(y / 100 + 1) + " century";
    default: return {};
    }
}

std::string html_escaped(std::string_view text) {
    std::string s = xml_escaped(text);
    // &apos; is XML; HTML text needs no escaped apostrophe ("l'OTSC" stays readable).
    for (std::size_t at = s.find("&apos;"); at != std::string::npos; at = s.find("&apos;", at + 1)) s.replace(at, 6, "'");
    return s;
}

std::string slug(std::string_view text) {
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(0, "id-");
    return out;
}

std::vector<EventView> event_views(const StoryGraph& graph, bool include_undated) {
    const auto& g = graph.impl();
    std::vector<EventView> views;
    for (const Vertex v : graph.nodes_sorted()) {
        const NodeProps& n = g[v];
        if (n.kind != NodeKind::event || (!include_undated && !n.when.known())) continue;
        EventView ev;
        ev.vertex = v;
        ev.node = &n;
        ev.group = !n.thread.empty() ? n.thread : !n.event_type.empty() ? n.event_type : "event";
        ev.display_date = display_date_of(n.when);
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
            const NodeProps& t = g[boost::target(*it, g)];
            switch (g[*it].relation) {
            case Relation::target: ev.targets.push_back(&t); break;
            case Relation::located_in: ev.places.push_back(&t); break;
            case Relation::involves: ev.involved.push_back(&t); break;
            case Relation::reported_by:
                ev.sources.push_back(SourceRef{t.kb_id.empty() ? t.id : t.kb_id, t.title.empty() ? t.label : t.title,
                                               t.url, t.published, t.lang});
                break;
            default: break;
            }
        }
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
            if (g[*it].relation == Relation::agent) ev.agents.push_back(&g[boost::source(*it, g)]);
            else if (g[*it].relation == Relation::involves) ev.involved.push_back(&g[boost::source(*it, g)]);
        }
        sort_by_label(ev.agents);
        sort_by_label(ev.targets);
        sort_by_label(ev.places);
        sort_by_label(ev.involved);
        std::sort(ev.sources.begin(), ev.sources.end(), [](const SourceRef& a, const SourceRef& b) {
            return std::tie(a.published, a.id) < std::tie(b.published, b.id);
        });
        views.push_back(std::move(ev));
    }
    std::stable_sort(views.begin(), views.end(), [](const EventView& a, const EventView& b) {
        const bool ka = a.node->when.known(), kb = b.node->when.known();
        if (ka != kb) return ka;
        if (ka && a.node->when.first != b.node->when.first) return a.node->when.first < b.node->when.first;
        return a.node->id < b.node->id;
    });
    return views;
}

std::vector<EventView> most_reported(std::vector<EventView> views, std::size_t max) {
    if (max == 0 || views.size() <= max) return views;
    std::vector<std::size_t> rank(views.size());
    std::iota(rank.begin(), rank.end(), 0);
    std::sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
        const NodeProps& x = *views[a].node;
        const NodeProps& y = *views[b].node;
        return std::make_tuple(-x.sources, -x.mentions, -x.confidence, std::string_view(x.id)) <
               std::make_tuple(-y.sources, -y.mentions, -y.confidence, std::string_view(y.id));
    });
    rank.resize(max);
    std::sort(rank.begin(), rank.end());   // back to chronological order
    std::vector<EventView> kept;
    kept.reserve(max);
    for (std::size_t i : rank) kept.push_back(std::move(views[i]));
    return kept;
}

} // namespace storyline
