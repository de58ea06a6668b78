// Graphviz dot text for a Diagram.
#include <string>

#include "graph/diagram.h"

namespace fnf::internal {
namespace {

// Text inside a quoted dot string. For SVG output '&' becomes an entity of
// its own: Graphviz copies "&amp;" and the like through unescaped.
std::string Escape(const std::string& text, bool svg = false) {
  std::string out;
  for (char c : text) {
    if (svg && c == '&') {
      out += "&#38;";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string Attributes(const DiagramNode& node, bool svg) {
  std::string shape = "box", style = "rounded";
  switch (node.shape) {
    case DiagramNode::Shape::kStart:
      return "shape=circle, label=\"\", width=0.25, style=filled, "
             "fillcolor=black";
    case DiagramNode::Shape::kEnd:
      return "shape=doublecircle, label=\"\", width=0.2, style=filled, "
             "fillcolor=black";
    case DiagramNode::Shape::kDecision:
      shape = "diamond";
      style = "";
      break;
    case DiagramNode::Shape::kTerminal:
      style = "rounded,bold";
      break;
    case DiagramNode::Shape::kBox:
      break;
  }
  std::string colors;
  if (node.failed || node.visited || node.running) {
    style += std::string(style.empty() ? "" : ",") + "filled";
    colors = node.failed    ? ", fillcolor=\"#f8d7da\", color=\"#dc3545\""
             : node.running ? ", fillcolor=\"#fff3cd\", color=\"#b8860b\""
                            : ", fillcolor=\"#d4edda\", color=\"#28a745\"";
  }
  std::string label = Escape(node.name, svg) + "\\n" + Escape(node.type, svg);
  if (!node.detail.empty()) label.append(" ").append(Escape(node.detail, svg));
  std::string attrs = "shape=" + shape;
  if (!style.empty()) attrs += ", style=\"" + style + "\"";
  attrs += ", label=\"" + label + "\"" + colors;
  if (svg) {
    std::string classes = "state";
    if (node.visited) classes += " visited";
    if (node.failed) classes += " failed";
    if (node.running) classes += " running";
    attrs += ", id=\"state_" + node.id + "\", class=\"" + classes + "\"";
  }
  return attrs;
}

class Writer {
 public:
  Writer(const Diagram& diagram, const DotOptions& options)
      : diagram_(diagram), svg_(options.svg_attributes) {}

  std::string Write() {
    text_ =
        "digraph flow {\n"
        "  rankdir=TB;\n"
        "  graph [fontname=\"Helvetica\", fontsize=11];\n"
        "  node [fontname=\"Helvetica\", fontsize=11];\n"
        "  edge [fontname=\"Helvetica\", fontsize=10];\n";
    WriteCluster(diagram_.root, 1, /*framed=*/false);
    for (const DiagramEdge& edge : diagram_.edges) WriteEdge(edge);
    text_ += "}\n";
    return text_;
  }

 private:
  void WriteCluster(const DiagramCluster& cluster, int depth, bool framed) {
    std::string indent(static_cast<size_t>(depth) * 2, ' ');
    std::string inner = framed ? indent + "  " : indent;
    if (framed) {
      text_ += indent + "subgraph cluster_" + cluster.id + " {\n" + inner +
               "label=\"" + Escape(cluster.label, svg_) + "\";\n" + inner +
               "style=rounded;\n";
    }
    for (size_t index : cluster.nodes) {
      const DiagramNode& node = diagram_.nodes[index];
      text_ += inner + node.id + " [" + Attributes(node, svg_) + "];\n";
    }
    for (const DiagramCluster& child : cluster.clusters) {
      WriteCluster(child, framed ? depth + 1 : depth, /*framed=*/true);
    }
    if (framed) text_ += indent + "}\n";
  }

  void WriteEdge(const DiagramEdge& edge) {
    std::string attrs;
    auto add = [&attrs](const std::string& attr) {
      attrs += (attrs.empty() ? "" : ", ") + attr;
    };
    if (!edge.label.empty()) {
      add("label=\"" + Escape(edge.label, svg_) + "\"");
    }
    if (edge.kind == DiagramEdge::Kind::kCatch)
      add("style=dashed, color=\"#dc3545\"");
    if (edge.kind == DiagramEdge::Kind::kInner) add("style=dashed");
    text_ += "  " + edge.from + " -> " + edge.to;
    if (!attrs.empty()) text_ += " [" + attrs + "]";
    text_ += ";\n";
  }

  const Diagram& diagram_;
  const bool svg_;
  std::string text_;
};

}  // namespace

std::string RenderDot(const Diagram& diagram, const DotOptions& options) {
  return Writer(diagram, options).Write();
}

}  // namespace fnf::internal
