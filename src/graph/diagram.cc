#include "graph/diagram.h"

#include <cctype>
#include <string>
#include <vector>

#include "definition/ir.h"

namespace fnf::internal {
namespace {

std::string TypeName(const CompiledFlow& flow, StateType type) {
  std::string name(StateTypeName(type));
  if (flow.dialect == Dialect::kCloudFlow) return name;
  if (type == StateType::kMap) return "foreach";
  for (char& c : name) c = static_cast<char>(std::tolower(c));
  return name;
}

std::string Join(const std::vector<std::string>& words, const char* sep) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += sep;
    text += word;
  }
  return text;
}

std::string Detail(const State& state) {
  switch (state.type) {
    case StateType::kTask: {
      std::string detail = state.task->action.empty() ? state.task->resource_arn
                                                      : state.task->action;
      if (state.task->mode != TaskMode::kRequestComplete) {
        detail += (detail.empty() ? "" : ", ") + state.task->mode_name;
      }
      return detail;
    }
    case StateType::kWait:
      if (state.wait->seconds) {
        std::string seconds = std::to_string(*state.wait->seconds);
        seconds.erase(seconds.find_last_not_of('0') + 1);
        if (!seconds.empty() && seconds.back() == '.') seconds.pop_back();
        return seconds + " s";
      }
      return "";
    case StateType::kMap:
      return state.map->max_concurrency > 0
                 ? "MaxConcurrency " +
                       std::to_string(state.map->max_concurrency)
                 : "";
    case StateType::kFail:
      return state.fail_code;
    default:
      return "";
  }
}

DiagramNode::Shape ShapeOf(StateType type) {
  switch (type) {
    case StateType::kChoice:
      return DiagramNode::Shape::kDecision;
    case StateType::kSucceed:
    case StateType::kFail:
      return DiagramNode::Shape::kTerminal;
    default:
      return DiagramNode::Shape::kBox;
  }
}

class Builder {
 public:
  Builder(const CompiledFlow& flow, Diagram* diagram)
      : flow_(flow), diagram_(diagram) {}

  void Build() {
    diagram_->root.nodes.push_back(diagram_->nodes.size());
    diagram_->nodes.push_back(
        {"flow_start", "", "", "", DiagramNode::Shape::kStart});
    const Scope& top = flow_.entry();
    std::vector<std::string> ids =
        AddScope(top, &diagram_->root, /*ends_at=*/"flow_end");
    if (!ids.empty()) {
      diagram_->edges.insert(
          diagram_->edges.begin(),
          {"flow_start", ids[top.start], "", DiagramEdge::Kind::kNext});
    }
    diagram_->root.nodes.push_back(diagram_->nodes.size());
    diagram_->nodes.push_back(
        {"flow_end", "", "", "", DiagramNode::Shape::kEnd});
  }

 private:
  void Edge(std::string from, std::string to, std::string label,
            DiagramEdge::Kind kind) {
    diagram_->edges.push_back(
        {std::move(from), std::move(to), std::move(label), kind});
  }

  std::string NewCluster(DiagramCluster* parent, std::string label) {
    DiagramCluster cluster;
    cluster.id = 'c' + std::to_string(next_cluster_++);
    cluster.label = std::move(label);
    parent->clusters.push_back(std::move(cluster));
    return parent->clusters.back().id;
  }

  // Adds the states of `scope` to `cluster`; a state that ends the scope gets
  // an edge to `ends_at` ("" for none). Returns the node ids by state index.
  std::vector<std::string> AddScope(const Scope& scope, DiagramCluster* cluster,
                                    const std::string& ends_at) {
    std::vector<std::string> ids;
    for (size_t i = 0; i < scope.states.size(); ++i) {
      ids.push_back('n' + std::to_string(next_node_++));
    }
    for (size_t i = 0; i < scope.states.size(); ++i) {
      AddState(scope.states[i], ids, cluster, ends_at);
    }
    return ids;
  }

  void AddState(const State& state, const std::vector<std::string>& ids,
                DiagramCluster* cluster, const std::string& ends_at) {
    const std::string& id = ids[state.index];
    const size_t node = diagram_->nodes.size();
    diagram_->nodes.push_back({id, state.name, TypeName(flow_, state.type),
                               Detail(state), ShapeOf(state.type)});
    DiagramCluster* home = cluster;
    if (state.type == StateType::kParallel || state.type == StateType::kMap) {
      NewCluster(cluster,
                 state.name + " (" + TypeName(flow_, state.type) + ")");
      // Kept by index: the vector may grow while the branches are added.
      size_t at = cluster->clusters.size() - 1;
      cluster->clusters[at].nodes.push_back(node);
      if (state.type == StateType::kParallel) {
        for (size_t b = 0; b < state.branches.size(); ++b) {
          AddInner(*state.branches[b], id, "Branch " + std::to_string(b + 1),
                   &cluster->clusters[at]);
        }
      } else if (state.map->processor) {
        AddInner(*state.map->processor, id,
                 flow_.dialect == Dialect::kLegacy ? "Steps" : "Processor",
                 &cluster->clusters[at]);
      }
      home = nullptr;
    }
    if (home != nullptr) home->nodes.push_back(node);

    auto target = [&](int index) { return ids[static_cast<size_t>(index)]; };
    if (state.type == StateType::kChoice) {
      for (const ChoiceBranch& branch : state.choices) {
        AddChoiceTarget(branch.steps.get(), branch.next, state, ids, cluster,
                        ends_at, branch.condition.text(),
                        DiagramEdge::Kind::kChoice);
      }
      if (state.default_next >= 0 || state.default_steps) {
        AddChoiceTarget(state.default_steps.get(), state.default_next, state,
                        ids, cluster, ends_at, "Default",
                        DiagramEdge::Kind::kDefault);
      }
    }
    if (state.next >= 0 && state.type != StateType::kChoice) {
      Edge(id, target(state.next), "", DiagramEdge::Kind::kNext);
    }
    bool ends = state.end || state.type == StateType::kSucceed ||
                state.type == StateType::kFail;
    if (ends && state.next < 0 && !ends_at.empty()) {
      Edge(id, ends_at, "", DiagramEdge::Kind::kNext);
    }
    for (const Catcher& catcher : state.catchers) {
      if (catcher.next < 0) continue;
      Edge(id, target(catcher.next), "Catch " + Join(catcher.errors, ", "),
           DiagramEdge::Kind::kCatch);
    }
  }

  // A Choice branch goes to a state, or (legacy) runs nested steps that go on
  // to the branch's goto or else to what follows the choice step.
  void AddChoiceTarget(const Scope* steps, int next, const State& state,
                       const std::vector<std::string>& ids,
                       DiagramCluster* cluster, const std::string& ends_at,
                       const std::string& label, DiagramEdge::Kind kind) {
    const std::string& id = ids[state.index];
    std::string after = next >= 0         ? ids[static_cast<size_t>(next)]
                        : state.next >= 0 ? ids[static_cast<size_t>(state.next)]
                                          : ends_at;
    if (steps == nullptr || steps->states.empty()) {
      if (!after.empty()) Edge(id, after, label, kind);
      return;
    }
    NewCluster(cluster, state.name + ": " + label);
    size_t at = cluster->clusters.size() - 1;
    std::vector<std::string> inner =
        AddScope(*steps, &cluster->clusters[at], after);
    Edge(id, inner[steps->start], label, kind);
  }

  // A Parallel branch or a Map processor: its own box, entered from `owner`.
  void AddInner(const Scope& scope, const std::string& owner, std::string label,
                DiagramCluster* parent) {
    NewCluster(parent, std::move(label));
    size_t at = parent->clusters.size() - 1;
    std::vector<std::string> ids =
        AddScope(scope, &parent->clusters[at], /*ends_at=*/"");
    if (!ids.empty()) {
      Edge(owner, ids[scope.start], "", DiagramEdge::Kind::kInner);
    }
  }

  const CompiledFlow& flow_;
  Diagram* diagram_;
  int next_node_ = 0;
  int next_cluster_ = 0;
};

}  // namespace

Diagram BuildDiagram(const CompiledFlow& flow) {
  Diagram diagram;
  Builder(flow, &diagram).Build();
  return diagram;
}

void MarkRun(const std::set<std::string>& visited,
             const std::set<std::string>& failed, Diagram* diagram) {
  for (DiagramNode& node : diagram->nodes) {
    if (node.name.empty()) continue;
    node.visited = visited.count(node.name) > 0;
    node.failed = failed.count(node.name) > 0;
  }
}

}  // namespace fnf::internal
