// Mermaid `flowchart TD` text for a Diagram.
#include <string>

#include "graph/diagram.h"

namespace fnf::internal {
namespace {

// Text inside a quoted Mermaid label: entity codes for the characters that
// would end the label or read as markup.
std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '|':
        out += "#124;";
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Label(const DiagramNode& node) {
  std::string label = Escape(node.name) + "<br/><i>" + Escape(node.type);
  if (!node.detail.empty()) label.append(" ").append(Escape(node.detail));
  return label + "</i>";
}

std::string NodeLine(const DiagramNode& node) {
  switch (node.shape) {
    case DiagramNode::Shape::kStart:
      return node.id + "((Start))";
    case DiagramNode::Shape::kEnd:
      return node.id + "((End))";
    case DiagramNode::Shape::kDecision:
      return node.id + "{\"" + Label(node) + "\"}";
    case DiagramNode::Shape::kTerminal:
      return node.id + "([\"" + Label(node) + "\"])";
    case DiagramNode::Shape::kBox:
      return node.id + "[\"" + Label(node) + "\"]";
  }
  return node.id;
}

class Writer {
 public:
  explicit Writer(const Diagram& diagram) : diagram_(diagram) {}

  std::string Write() {
    text_ = "flowchart TD\n";
    WriteCluster(diagram_.root, 1, /*framed=*/false);
    for (const DiagramEdge& edge : diagram_.edges) WriteEdge(edge);
    std::string visited, failed;
    for (const DiagramNode& node : diagram_.nodes) {
      std::string& list = node.failed ? failed : visited;
      if (!node.failed && !node.visited) continue;
      list += (list.empty() ? "" : ",") + node.id;
    }
    if (!visited.empty() || !failed.empty()) {
      text_ +=
          "  classDef visited fill:#d4edda,stroke:#28a745,color:#155724\n"
          "  classDef failed fill:#f8d7da,stroke:#dc3545,color:#721c24\n";
    }
    if (!visited.empty()) text_ += "  class " + visited + " visited\n";
    if (!failed.empty()) text_ += "  class " + failed + " failed\n";
    return text_;
  }

 private:
  void WriteCluster(const DiagramCluster& cluster, int depth, bool framed) {
    std::string indent(static_cast<size_t>(depth) * 2, ' ');
    if (framed) {
      text_ += indent + "subgraph " + cluster.id + "[\"" +
               Escape(cluster.label) + "\"]\n";
    }
    std::string inner = framed ? indent + "  " : indent;
    for (size_t index : cluster.nodes) {
      text_ += inner + NodeLine(diagram_.nodes[index]) + "\n";
    }
    for (const DiagramCluster& child : cluster.clusters) {
      WriteCluster(child, framed ? depth + 1 : depth, /*framed=*/true);
    }
    if (framed) text_ += indent + "end\n";
  }

  void WriteEdge(const DiagramEdge& edge) {
    std::string arrow;
    switch (edge.kind) {
      case DiagramEdge::Kind::kCatch:
      case DiagramEdge::Kind::kInner:
        arrow = "-.->";
        break;
      default:
        arrow = "-->";
    }
    text_ += "  " + edge.from + " " + arrow;
    if (!edge.label.empty()) text_ += "|\"" + Escape(edge.label) + "\"|";
    text_ += " " + edge.to + "\n";
  }

  const Diagram& diagram_;
  std::string text_;
};

}  // namespace

std::string RenderMermaid(const Diagram& diagram) {
  return Writer(diagram).Write();
}

}  // namespace fnf::internal
