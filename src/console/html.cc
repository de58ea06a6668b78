#include "console/html.h"

#include <string>

#include <rapidjson/prettywriter.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>

#include "server/form.h"

namespace fnf::console {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string QueryValue(std::string_view text) {
  return server::PercentEncode(text);
}

namespace {

// rapidjson's writer would quote numbers read as strings; this one writes
// them as they were spelt.
class PrettyNumbers : public rapidjson::PrettyWriter<rapidjson::StringBuffer> {
 public:
  using PrettyWriter::PrettyWriter;
  bool RawNumber(const char* text, rapidjson::SizeType size, bool) {
    return RawValue(text, size, rapidjson::kNumberType);
  }
};

}  // namespace

std::string PrettyJson(std::string_view text) {
  rapidjson::StringBuffer buffer;
  PrettyNumbers writer(buffer);
  writer.SetIndent(' ', 2);
  rapidjson::Reader reader;
  std::string copy(text);
  rapidjson::StringStream stream(copy.c_str());
  // Iterative: an input may nest deeper than a stack; numbers as written.
  if (!reader.Parse<rapidjson::kParseIterativeFlag |
                    rapidjson::kParseNumbersAsStringsFlag>(stream, writer)) {
    return std::string(text);
  }
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string PageFrame(std::string_view title, std::string_view nav_html,
                      std::string_view body_html, bool live) {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>";
  page += Escape(title);
  page +=
      " - fnf console</title>\n"
      "<link rel=\"stylesheet\" href=\"/console/style.css\">\n"
      "<script src=\"/console/console.js\" defer></script>\n</head>\n<body";
  if (live) page += " data-live=\"1\"";
  page += ">\n<header><a class=\"home\" href=\"/console/\">fnf console</a>";
  page += nav_html;
  page += "</header>\n<main>\n<h1>";
  page += Escape(title);
  page += "</h1>\n";
  page += body_html;
  page += "</main>\n</body>\n</html>\n";
  return page;
}

std::string_view StyleSheet() {
  return R"css(:root { --ok: #28a745; --bad: #dc3545; --run: #b8860b; --fg: #212529;
  --muted: #6c757d; --line: #dee2e6; --bg: #f8f9fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto,
  Helvetica, Arial, sans-serif; color: var(--fg); background: #fff; }
header { display: flex; flex-wrap: wrap; gap: .4em 1em; align-items: baseline;
  padding: .6em 1em; background: #343a40; color: #fff; }
header a { color: #fff; }
header .home { font-weight: 600; text-decoration: none; }
main { max-width: 1200px; margin: 0 auto; padding: .5em 1em 3em; }
h1 { font-size: 1.5em; margin: .4em 0; overflow-wrap: break-word; }
h2 { font-size: 1.15em; margin: 1.4em 0 .5em; border-bottom: 1px solid var(--line); }
a { color: #0b5ed7; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35em .5em; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
td.name { overflow-wrap: break-word; }
.scroll { overflow-x: auto; }
pre { background: var(--bg); border: 1px solid var(--line); padding: .6em; margin: 0;
  overflow-x: auto; white-space: pre-wrap; word-break: break-word; max-height: 32em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3em 1em; margin: 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; word-break: break-word; }
.status { display: inline-block; padding: .05em .5em; border-radius: 1em; font-size: .9em;
  font-weight: 600; border: 1px solid currentColor; }
.status.Running, .status.Starting { color: var(--run); }
.status.Succeeded { color: var(--ok); }
.status.Failed, .status.TimedOut { color: var(--bad); }
.status.Stopped { color: var(--muted); }
.muted { color: var(--muted); }
.error { color: var(--bad); }
.diagram { overflow: auto; border: 1px solid var(--line); padding: .5em; background: #fff; }
.diagram svg { max-width: 100%; height: auto; }
.legend span { display: inline-block; margin-right: 1em; }
.legend i { display: inline-block; width: .9em; height: .9em; border: 2px solid;
  vertical-align: middle; margin-right: .3em; border-radius: 3px; }
.legend .v { background: #d4edda; border-color: var(--ok); }
.legend .f { background: #f8d7da; border-color: var(--bad); }
.legend .r { background: #fff3cd; border-color: var(--run); }
form.inline { display: flex; flex-wrap: wrap; gap: .5em; align-items: end; margin: .5em 0; }
form label { display: flex; flex-direction: column; font-size: .9em; color: var(--muted); }
input, select, textarea, button { font: inherit; padding: .3em .5em; }
textarea { width: 100%; min-height: 6em; font-family: ui-monospace, monospace; }
button { cursor: pointer; border: 1px solid #0b5ed7; background: #0b5ed7; color: #fff;
  border-radius: 4px; }
button.stop { border-color: var(--bad); background: var(--bad); }
details summary { cursor: pointer; font-family: ui-monospace, monospace; font-size: .9em;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 60em; }
.paging { margin: .8em 0; display: flex; gap: 1em; }
@media (min-width: 1000px) {
  .columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: 0 2em; align-items: start; }
}
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: .3em .5em 2em; }
  table.executions .time, table.flows .desc, table.history .time { display: none; }
  details summary { max-width: 16em; }
}
)css";
}

std::string_view Script() {
  return R"js(// Live updates: while the page says it is live, fetch it again every two
// seconds and swap in its [data-live] parts (by id). The page works without
// this script; only the refresh needs it.
(function () {
  'use strict';
  function refresh() {
    if (!document.body.hasAttribute('data-live')) return;
    fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, 'text/html');
        document.querySelectorAll('[data-live]').forEach(function (part) {
          if (!part.id) return;
          var fresh = next.getElementById(part.id);
          // A form someone may be filling in stays as it is while it exists.
          if (fresh && part.querySelector('form') && fresh.querySelector('form')) return;
          part.replaceWith(fresh ? document.importNode(fresh, true) : document.createElement('div'));
        });
        if (!next.body.hasAttribute('data-live')) {
          document.body.removeAttribute('data-live');
        }
      })
      .catch(function () {})
      .then(function () { window.setTimeout(refresh, 2000); });
  }
  window.setTimeout(refresh, 2000);
})();
)js";
}

}  // namespace fnf::console
