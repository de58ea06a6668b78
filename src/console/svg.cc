#include "console/svg.h"

#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "fnf/options.h"

#include "definition/compiler.h"
#include <dlfcn.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

// Graphviz 2.42's dot layout leaks the virtual nodes and edges it makes for
// clusters, from its own allocator (gmalloc in libgvc); LeakSanitizer is told
// so in sanitizer builds, where every Graphviz frame but the allocator's is
// usually cut from the stack.
#if defined(__SANITIZE_ADDRESS__)
#define FNF_CONSOLE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FNF_CONSOLE_LSAN 1
#endif
#endif
#ifdef FNF_CONSOLE_LSAN
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\nleak:libgvplugin_dot_layout.so\n";
}
#endif

namespace fnf::console {
namespace {

// Graphviz keeps global state: one layout at a time.
std::mutex& GraphvizMutex() {
  static std::mutex mu;
  return mu;
}

// The one Graphviz context, made on first use and kept for the process's
// life: Graphviz 2.42 reads freed memory when a second context lays out text
// after a first one was freed. It holds only the dot layout and the core (SVG)
// renderer, loaded from Graphviz's plugin directory: without the Pango plugin
// text widths come from Graphviz's own font metrics, the same on every
// machine, and no font configuration is loaded. Without the plugin files the
// installed configuration is used instead. REQUIRES: GraphvizMutex() held.
GVC_t* Context() {
  static GVC_t* const context = [] {
    static const lt_symlist_t kNoBuiltins[] = {{nullptr, nullptr}};
    const char* const kPlugins[][2] = {
        {"libgvplugin_dot_layout.so.6", "gvplugin_dot_layout_LTX_library"},
        {"libgvplugin_core.so.6", "gvplugin_core_LTX_library"}};
    gvplugin_library_t* libraries[2] = {nullptr, nullptr};
    for (int i = 0; i < 2; ++i) {
      std::string path =
          std::string(FNF_GRAPHVIZ_PLUGIN_DIR) + "/" + kPlugins[i][0];
      // Never closed: the context uses the plugins until the process ends.
      void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) return gvContext();
      libraries[i] =
          static_cast<gvplugin_library_t*>(::dlsym(handle, kPlugins[i][1]));
      if (libraries[i] == nullptr) return gvContext();
    }
    GVC_t* gvc = gvContextPlugins(kNoBuiltins, /*demand_loading=*/0);
    for (gvplugin_library_t* library : libraries) gvAddLibrary(gvc, library);
    return gvc;
  }();
  return context;
}

// The last pictures drawn, by their dot text (which decides the picture):
// a page refreshing an unchanged diagram costs no layout, and Graphviz's
// leak (see the top of this file) grows with the pictures drawn, not with the
// pages viewed.
class SvgCache {
 public:
  const std::string* Find(const std::string& dot) const {
    auto it = svgs_.find(dot);
    return it == svgs_.end() ? nullptr : &it->second;
  }
  void Add(const std::string& dot, const std::string& svg) {
    if (svgs_.size() >= kCapacity) {
      svgs_.erase(order_.front());
      order_.pop_front();
    }
    if (svgs_.emplace(dot, svg).second) order_.push_back(dot);
  }

 private:
  static constexpr size_t kCapacity = 128;
  std::map<std::string, std::string> svgs_;
  std::deque<std::string> order_;  // oldest first
};

// REQUIRES: GraphvizMutex() held.
std::string Layout(const std::string& dot) {
  std::string svg;
  GVC_t* gvc = Context();
  if (gvc == nullptr) return "";
  Agraph_t* graph = agmemread(dot.c_str());
  if (graph != nullptr) {
    if (gvLayout(gvc, graph, "dot") == 0) {
      char* data = nullptr;
      unsigned int size = 0;
      if (gvRenderData(gvc, graph, "svg", &data, &size) == 0 && data) {
        svg.assign(data, size);
      }
      if (data != nullptr) gvFreeRenderData(data);
      gvFreeLayout(gvc, graph);
    }
    agclose(graph);
  }
  // Only the element: the prolog and doctype are not allowed inside HTML.
  size_t start = svg.find("<svg");
  return start == std::string::npos ? "" : svg.substr(start);
}

}  // namespace

std::string RenderSvg(const internal::Diagram& diagram) {
  std::string dot = internal::RenderDot(diagram, {.svg_attributes = true});
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  static SvgCache* const cache = new SvgCache();  // never destroyed
  if (const std::string* svg = cache->Find(dot)) return *svg;
  std::string svg = Layout(dot);
  if (!svg.empty()) cache->Add(dot, svg);
  return svg;
}

std::string DefinitionSvg(std::string_view definition, const RunMarks* marks) {
  Limits limits;
  internal::CompileOptions options;
  options.limits = &limits;
  internal::CompileResult compiled =
      internal::CompileDefinition(std::string(definition), options);
  if (!compiled.flow) return "";
  internal::Diagram diagram = internal::BuildDiagram(*compiled.flow);
  if (marks != nullptr) {
    internal::MarkRun(marks->visited, marks->failed, &diagram);
    for (internal::DiagramNode& node : diagram.nodes) {
      node.running = !node.name.empty() && marks->running.count(node.name) > 0;
    }
  }
  return RenderSvg(diagram);
}

}  // namespace fnf::console
