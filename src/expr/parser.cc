#include "expr/parser.h"

#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "common/strings.h"
#include "expr/lexer.h"
#include "expr/suggest.h"

namespace fnf::internal {
namespace {

constexpr uint64_t kTwoTo63 = uint64_t{1} << 63;

struct RootInfo {
  std::string_view name;  // after '$'
  Field field;
  uint32_t mask;
  std::string_view not_allowed;  // message when `mask` is not allowed
};

constexpr RootInfo kRoots[] = {
    {"Input", Field::kInput, kRootInput, "$Input is not available here"},
    {"Output", Field::kOutput, kRootOutput,
     "$Output is only available in OutputConstructor and GlobalConstructor"},
    {"Context", Field::kContext, kRootContext,
     "$Context is not available here"},
    {"Global", Field::kGlobal, kRootGlobal, "$Global is not available here"},
    {"Item", Field::kItem, kRootItem,
     "$Item is only available in a Map state's ItemConstructor"},
    {"", Field::kInput, kRootLegacy,
     "'$' paths ($.key) belong to legacy (type: flow) conditions; use $Input"},
    {"input", Field::kInput, kRootLegacy,
     "$input belongs to legacy (type: flow) definitions; use $Input"},
    {"local", Field::kLegacyLocal, kRootLegacy,
     "$local belongs to legacy (type: flow) definitions"},
    {"context", Field::kLegacyContext, kRootLegacy,
     "$context belongs to legacy (type: flow) definitions; use $Context"},
};

// "'+'" for a token, in messages.
std::string Describe(std::string_view text, const Token& token) {
  if (token.kind == TokenKind::kEnd) return "the end of the expression";
  return StrCat("'", text.substr(token.offset, token.length), "'");
}

std::string ArityMessage(std::string_view name, const FunctionSpec& spec,
                         size_t got) {
  auto count = [](int n) {
    return StrCat(n, n == 1 ? " argument" : " arguments");
  };
  std::string expected;
  if (spec.max_args == kVariadic) {
    expected = StrCat("at least ", count(spec.min_args));
  } else if (spec.min_args == spec.max_args) {
    expected = spec.min_args == 0 ? "no arguments" : count(spec.min_args);
  } else {
    expected = StrCat(spec.min_args, " to ", count(spec.max_args));
  }
  return StrCat("function '", name, "' takes ", expected, ", got ", got);
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, uint32_t roots,
         int max_call_depth)
      : text_(text),
        tokens_(std::move(tokens)),
        roots_(roots),
        max_call_depth_(max_call_depth) {}

  std::variant<NodePtr, ExprCompileError> Run() {
    if (Peek().kind == TokenKind::kEnd)
      return ExprCompileError{0, "empty expression"};
    NodePtr root = ParseOr();
    if (root != nullptr && Peek().kind != TokenKind::kEnd) {
      root = Fail(Peek().offset, StrCat("unexpected ", Describe(text_, Peek()),
                                        " after a complete expression"));
    }
    if (root == nullptr) return std::move(*error_);
    return root;
  }

 private:
  // Counts nesting while a parse function is active.
  class NestingGuard {
   public:
    explicit NestingGuard(Parser* p) : p_(p) { ++p_->nesting_; }
    ~NestingGuard() { --p_->nesting_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    Parser* p_;
  };

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& Advance() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }

  NodePtr Fail(size_t offset, std::string message) {
    if (!error_) error_ = ExprCompileError{offset, std::move(message)};
    return nullptr;
  }

  bool Expect(TokenKind kind, std::string_view what) {
    if (Peek().kind == kind) {
      Advance();
      return true;
    }
    Fail(Peek().offset,
         StrCat("expected ", what, " but found ", Describe(text_, Peek())));
    return false;
  }

  // Every new node passes here: bounds its depth and computes it now if it is
  // constant.
  NodePtr Finish(NodePtr node) {
    if (node->depth() > kMaxExpressionDepth) {
      return Fail(node->offset(),
                  StrCat("expression is nested too deeply (more than ",
                         kMaxExpressionDepth, " levels)"));
    }
    if (node->foldable()) {
      EvalContext empty;
      Value value;
      std::string ignored;
      // A constant that fails (1 / 0) stays in the tree and fails at run time,
      // where errors of expressions are reported (docs/behaviour.md).
      if (node->Eval(empty, &value, &ignored)) {
        return std::make_unique<LiteralNode>(node->offset(), value.Take());
      }
    }
    return node;
  }

  bool TooDeep() {
    if (nesting_ <= kMaxExpressionDepth) return false;
    Fail(Peek().offset, StrCat("expression is nested too deeply (more than ",
                               kMaxExpressionDepth, " levels)"));
    return true;
  }

  NodePtr ParseOr() {
    NestingGuard guard(this);
    if (TooDeep()) return nullptr;
    NodePtr lhs = ParseAnd();
    while (lhs != nullptr && Peek().kind == TokenKind::kOr) {
      size_t offset = Advance().offset;
      NodePtr rhs = ParseAnd();
      if (rhs == nullptr) return nullptr;
      lhs = Finish(std::make_unique<LogicalNode>(offset, false, std::move(lhs),
                                                 std::move(rhs)));
    }
    return lhs;
  }

  NodePtr ParseAnd() {
    NodePtr lhs = ParseEquality();
    while (lhs != nullptr && Peek().kind == TokenKind::kAnd) {
      size_t offset = Advance().offset;
      NodePtr rhs = ParseEquality();
      if (rhs == nullptr) return nullptr;
      lhs = Finish(std::make_unique<LogicalNode>(offset, true, std::move(lhs),
                                                 std::move(rhs)));
    }
    return lhs;
  }

  // One left-associative level of binary operators: `next` parses the operands,
  // `op_of` maps the current token to an operator.
  template <typename Next, typename OpOf>
  NodePtr BinaryLevel(Next next, OpOf op_of) {
    NodePtr lhs = (this->*next)();
    while (lhs != nullptr) {
      std::optional<BinaryOp> op = op_of(Peek());
      if (!op) break;
      size_t offset = Advance().offset;
      NodePtr rhs = (this->*next)();
      if (rhs == nullptr) return nullptr;
      lhs = Finish(std::make_unique<BinaryNode>(offset, *op, std::move(lhs),
                                                std::move(rhs)));
    }
    return lhs;
  }

  NodePtr ParseEquality() {
    return BinaryLevel(&Parser::ParseRelational,
                       [](const Token& t) -> std::optional<BinaryOp> {
                         if (t.kind == TokenKind::kEq) return BinaryOp::kEq;
                         if (t.kind == TokenKind::kNe) return BinaryOp::kNe;
                         return std::nullopt;
                       });
  }

  NodePtr ParseRelational() {
    return BinaryLevel(&Parser::ParseAdditive,
                       [](const Token& t) -> std::optional<BinaryOp> {
                         switch (t.kind) {
                           case TokenKind::kLt:
                             return BinaryOp::kLt;
                           case TokenKind::kLe:
                             return BinaryOp::kLe;
                           case TokenKind::kGt:
                             return BinaryOp::kGt;
                           case TokenKind::kGe:
                             return BinaryOp::kGe;
                           case TokenKind::kIdent:
                             if (t.text == "in") return BinaryOp::kIn;
                             return std::nullopt;
                           default:
                             return std::nullopt;
                         }
                       });
  }

  NodePtr ParseAdditive() {
    return BinaryLevel(&Parser::ParseMultiplicative,
                       [](const Token& t) -> std::optional<BinaryOp> {
                         if (t.kind == TokenKind::kPlus) return BinaryOp::kAdd;
                         if (t.kind == TokenKind::kMinus) return BinaryOp::kSub;
                         return std::nullopt;
                       });
  }

  NodePtr ParseMultiplicative() {
    return BinaryLevel(&Parser::ParseUnary,
                       [](const Token& t) -> std::optional<BinaryOp> {
                         if (t.kind == TokenKind::kStar) return BinaryOp::kMul;
                         if (t.kind == TokenKind::kSlash) return BinaryOp::kDiv;
                         if (t.kind == TokenKind::kPercent)
                           return BinaryOp::kMod;
                         return std::nullopt;
                       });
  }

  NodePtr ParseUnary() {
    const Token& t = Peek();
    if (t.kind != TokenKind::kNot && t.kind != TokenKind::kMinus)
      return ParsePostfix();
    // Prefix operators recurse without passing through ParseOr; they count as
    // nesting too.
    NestingGuard guard(this);
    if (TooDeep()) return nullptr;
    if (t.kind == TokenKind::kNot) {
      size_t offset = Advance().offset;
      NodePtr operand = ParseUnary();
      if (operand == nullptr) return nullptr;
      return Finish(std::make_unique<NotNode>(offset, std::move(operand)));
    }
    size_t offset = Advance().offset;  // '-'
    // The one integer whose magnitude does not fit in int64 on its own.
    if (Peek().kind == TokenKind::kInt && Peek().int_value == kTwoTo63) {
      Advance();
      return std::make_unique<LiteralNode>(
          offset, Json(std::numeric_limits<int64_t>::min()));
    }
    NodePtr operand = ParseUnary();
    if (operand == nullptr) return nullptr;
    return Finish(std::make_unique<NegateNode>(offset, std::move(operand)));
  }

  NodePtr ParsePostfix() {
    NodePtr base =
        Peek().kind == TokenKind::kVariable ? ParseVariable() : ParsePrimary();
    if (base == nullptr) return nullptr;
    return ParseSteps(std::move(base));
  }

  // ".name", "[key]" after any value.
  NodePtr ParseSteps(NodePtr base) {
    std::vector<PathStep> steps;
    while (true) {
      if (Peek().kind == TokenKind::kDot) {
        Advance();
        if (Peek().kind != TokenKind::kIdent) {
          return Fail(Peek().offset,
                      StrCat("expected a member name after '.' but found ",
                             Describe(text_, Peek()),
                             " (use [\"key\"] or [index] instead)"));
        }
        PathStep step;
        step.name = Advance().text;
        steps.push_back(std::move(step));
      } else if (Peek().kind == TokenKind::kLBracket) {
        Advance();
        NodePtr key = ParseOr();
        if (key == nullptr || !Expect(TokenKind::kRBracket, "']'"))
          return nullptr;
        PathStep step;
        if (!StaticStep(std::move(key), &step)) return nullptr;
        steps.push_back(std::move(step));
      } else {
        break;
      }
    }
    if (steps.empty()) return base;
    return Finish(
        std::make_unique<PathNode>(std::move(base), std::move(steps)));
  }

  // A constant key becomes a direct member or element step; an invalid
  // constant key is a compile error rather than a certain runtime error.
  bool StaticStep(NodePtr key, PathStep* step) {
    const Json* k = key->constant();
    if (k != nullptr && k->is_string()) {
      step->kind = PathStep::Kind::kMember;
      step->name = k->as_string();
      return true;
    }
    if (k != nullptr && k->is_int()) {
      step->kind = PathStep::Kind::kIndex;
      step->index = k->as_int();
      return true;
    }
    if (k != nullptr && !k->is_double()) {
      Fail(key->offset(),
           StrCat("an index must be a string or an integer, got ",
                  k->type_name()));
      return false;
    }
    step->kind = PathStep::Kind::kDynamic;
    step->key = std::move(key);
    return true;
  }

  NodePtr ParseVariable() {
    const Token& token = Advance();
    const RootInfo* root = nullptr;
    for (const RootInfo& r : kRoots) {
      if (r.name == token.text) root = &r;
    }
    if (root == nullptr) {
      std::vector<std::string_view> names;
      for (const RootInfo& r : kRoots) {
        if (!r.name.empty() && (roots_ & r.mask) != 0) names.push_back(r.name);
      }
      return Fail(token.offset, StrCat("unknown variable '$", token.text, "'",
                                       DidYouMean(token.text, names)));
    }
    if ((roots_ & root->mask) == 0)
      return Fail(token.offset, NotAllowedMessage(*root));
    Field field = root->field;
    if (field == Field::kContext || field == Field::kLegacyContext) {
      if (!ResolveContext(&field)) return nullptr;
      if (field == Field::kOutput && (roots_ & kRootOutput) == 0) {
        return Fail(token.offset,
                    "$Context.Current.Output is only available in "
                    "OutputConstructor and "
                    "GlobalConstructor");
      }
    }
    return std::make_unique<VariableNode>(token.offset, field);
  }

  std::string NotAllowedMessage(const RootInfo& root) const {
    if (root.mask != kRootLegacy && (roots_ & kRootLegacy) != 0) {
      return StrCat(
          "$", root.name,
          " is not available in legacy (type: flow) conditions; use $.key, "
          "$input, $local or $context");
    }
    return std::string(root.not_allowed);
  }

  // Consumes the static names after $Context / $context that name fixed
  // sub-fields.
  bool ResolveContext(Field* field) {
    struct Name {
      std::string_view text;
      size_t offset;
      size_t tokens;
    };
    std::vector<Name> names;
    for (size_t at = 0;;) {
      if (Peek(at).kind == TokenKind::kDot &&
          Peek(at + 1).kind == TokenKind::kIdent) {
        names.push_back({Peek(at + 1).text, Peek(at + 1).offset, 2});
        at += 2;
      } else if (Peek(at).kind == TokenKind::kLBracket &&
                 Peek(at + 1).kind == TokenKind::kString &&
                 Peek(at + 2).kind == TokenKind::kRBracket) {
        names.push_back({Peek(at + 1).text, Peek(at + 1).offset, 3});
        at += 3;
      } else {
        break;
      }
    }
    std::vector<std::string_view> texts;
    for (const Name& n : names) texts.push_back(n.text);
    FieldResolution resolution;
    size_t bad = 0;
    std::string error;
    if (!ResolveContextPath(*field, texts, &resolution, &bad, &error)) {
      Fail(names[bad].offset, std::move(error));
      return false;
    }
    for (size_t i = 0; i < resolution.consumed; ++i) {
      for (size_t k = 0; k < names[i].tokens; ++k) Advance();
    }
    *field = resolution.field;
    return true;
  }

  NodePtr ParsePrimary() {
    const Token& t = Peek();
    switch (t.kind) {
      case TokenKind::kInt:
        if (t.int_value >= kTwoTo63) {
          return Fail(t.offset,
                      StrCat("integer '", text_.substr(t.offset, t.length),
                             "' does not fit in 64 bits"));
        }
        Advance();
        return std::make_unique<LiteralNode>(
            t.offset, Json(static_cast<int64_t>(t.int_value)));
      case TokenKind::kFloat:
        Advance();
        return std::make_unique<LiteralNode>(t.offset, Json(t.float_value));
      case TokenKind::kString:
        Advance();
        return std::make_unique<LiteralNode>(t.offset, Json(t.text));
      case TokenKind::kIdent:
        return ParseName();
      case TokenKind::kLParen: {
        Advance();
        NodePtr inner = ParseOr();
        if (inner == nullptr || !Expect(TokenKind::kRParen, "')'"))
          return nullptr;
        return inner;
      }
      case TokenKind::kLBracket:
        return ParseArray();
      case TokenKind::kLBrace:
        return ParseObject();
      case TokenKind::kEnd:
        return Fail(t.offset, "unexpected end of the expression");
      default:
        return Fail(t.offset, StrCat("unexpected ", Describe(text_, t)));
    }
  }

  NodePtr ParseName() {
    const Token& t = Peek();
    if (Peek(1).kind == TokenKind::kLParen) return ParseCall();
    Advance();
    if (t.text == "true")
      return std::make_unique<LiteralNode>(t.offset, Json(true));
    if (t.text == "false")
      return std::make_unique<LiteralNode>(t.offset, Json(false));
    if (t.text == "null")
      return std::make_unique<LiteralNode>(t.offset, Json());
    if (t.text == "in") return Fail(t.offset, "unexpected 'in'");
    return Fail(t.offset,
                StrCat("unknown name '", t.text,
                       "': variables start with '$' (as in $Input), strings "
                       "need quotes, functions need parentheses"));
  }

  NodePtr ParseCall() {
    const Token& name = Advance();
    Advance();  // '('
    const FunctionSpec* spec = FindFunction(name.text);
    if (spec == nullptr) {
      return Fail(name.offset, StrCat("unknown function '", name.text, "'",
                                      DidYouMean(name.text, FunctionNames())));
    }
    if (call_depth_ >= max_call_depth_) {
      return Fail(name.offset, StrCat("function calls are nested more than ",
                                      max_call_depth_, " levels deep"));
    }
    ++call_depth_;
    std::vector<NodePtr> args;
    bool ok = ParseList(TokenKind::kRParen, "')'", [&] {
      NodePtr arg = ParseOr();
      if (arg == nullptr) return false;
      args.push_back(std::move(arg));
      return true;
    });
    --call_depth_;
    if (!ok) return nullptr;
    if (args.size() < static_cast<size_t>(spec->min_args) ||
        (spec->max_args != kVariadic &&
         args.size() > static_cast<size_t>(spec->max_args))) {
      return Fail(name.offset, ArityMessage(name.text, *spec, args.size()));
    }
    std::shared_ptr<const void> prepared;
    if (spec->prepare != nullptr) {
      std::vector<const Json*> constants;
      for (const NodePtr& arg : args) constants.push_back(arg->constant());
      int bad = 0;
      std::string error;
      if (!spec->prepare(constants, &prepared, &bad, &error)) {
        return Fail(args[static_cast<size_t>(bad)]->offset(),
                    StrCat(name.text, ": ", error));
      }
    }
    return Finish(std::make_unique<CallNode>(name.offset, spec, name.text,
                                             std::move(args), prepared));
  }

  // Comma-separated items up to `close`, which is consumed. `item` parses one
  // item.
  template <typename Item>
  bool ParseList(TokenKind close, std::string_view close_text, Item item) {
    if (Peek().kind == close) {
      Advance();
      return true;
    }
    while (true) {
      if (!item()) return false;
      if (Peek().kind == TokenKind::kComma) {
        Advance();
        continue;
      }
      return Expect(close, StrCat("',' or ", close_text));
    }
  }

  NodePtr ParseArray() {
    size_t offset = Advance().offset;
    std::vector<NodePtr> elements;
    bool ok = ParseList(TokenKind::kRBracket, "']'", [&] {
      NodePtr e = ParseOr();
      if (e == nullptr) return false;
      elements.push_back(std::move(e));
      return true;
    });
    if (!ok) return nullptr;
    return Finish(std::make_unique<ArrayNode>(offset, std::move(elements)));
  }

  NodePtr ParseObject() {
    size_t offset = Advance().offset;
    std::vector<std::string> keys;
    std::vector<NodePtr> values;
    bool ok = ParseList(TokenKind::kRBrace, "'}'", [&] {
      const Token& key = Peek();
      if (key.kind != TokenKind::kString && key.kind != TokenKind::kIdent) {
        Fail(key.offset,
             StrCat("expected an object key but found ", Describe(text_, key)));
        return false;
      }
      Advance();
      for (const std::string& k : keys) {
        if (k == key.text) {
          Fail(key.offset,
               StrCat("duplicate key '", key.text, "' in an object literal"));
          return false;
        }
      }
      if (!Expect(TokenKind::kColon, "':'")) return false;
      NodePtr value = ParseOr();
      if (value == nullptr) return false;
      keys.push_back(key.text);
      values.push_back(std::move(value));
      return true;
    });
    if (!ok) return nullptr;
    return Finish(std::make_unique<ObjectNode>(offset, std::move(keys),
                                               std::move(values)));
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  uint32_t roots_;
  int max_call_depth_;
  int call_depth_ = 0;
  int nesting_ = 0;
  std::optional<ExprCompileError> error_;
};

}  // namespace

std::variant<NodePtr, ExprCompileError> ParseExpression(std::string_view text,
                                                        uint32_t allowed_roots,
                                                        int max_call_depth) {
  LexResult lexed = Lex(text);
  if (lexed.error) return std::move(*lexed.error);
  return Parser(text, std::move(lexed.tokens), allowed_roots, max_call_depth)
      .Run();
}

}  // namespace fnf::internal
