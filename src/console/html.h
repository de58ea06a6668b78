// The console's HTML building blocks: escaping, the page frame, the static
// assets (compiled in: the console fetches nothing from anywhere else).
#ifndef FNF_CONSOLE_HTML_H_
#define FNF_CONSOLE_HTML_H_

#include <string>
#include <string_view>

namespace fnf::console {

// `text` safe inside HTML or SVG text and inside a quoted attribute value:
// & < > " ' become entities. Every user-provided string goes through it.
std::string Escape(std::string_view text);

// `text` percent-encoded for a URL's query value.
std::string QueryValue(std::string_view text);

// `text` indented two spaces per level when it is JSON (numbers keep their
// spelling); other text comes back as it is.
std::string PrettyJson(std::string_view text);

// A whole page: `title` (plain text) in the head and as the heading, `body`
// (HTML) in <main>. `live`: the page refreshes its [data-live] parts while
// it is shown (console.js), until a refresh comes back without `live`.
std::string PageFrame(std::string_view title, std::string_view nav_html,
                      std::string_view body_html, bool live);

// The stylesheet at /console/style.css and the script at /console/console.js.
std::string_view StyleSheet();
std::string_view Script();

}  // namespace fnf::console

#endif  // FNF_CONSOLE_HTML_H_
