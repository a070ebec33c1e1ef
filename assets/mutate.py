# pykata's mutant maker, for `pykata verify --mutants`.
#
# Reads the JSON file named by its argument: {"files": [{"name": ..., "source": ...}, ...]}.
# Writes JSON to stdout: {"mutants": [{"file", "operator", "line", "source"}]}
# With the single argument --operators it prints the operator names instead.
#
# Each mutant is one of the files rewritten the way learners get code wrong
# (a boundary moved, a finally dropped, state moved to where it is shared...).
# The rewrite is applied to the text at the node's own position, so the
# author's layout and comments survive and the diff shows only the change.
# This script only parses the files; it never runs them.
import ast
import json
import sys

OPERATORS = [
    "boundary",
    "eq-to-is",
    "is-to-eq",
    "not-compare",
    "isinstance-to-type",
    "except-narrow",
    "list-to-iter",
    "drop-finally",
    "drop-return-value",
    "drop-statement",
    "swap-statements",
    "to-class-attribute",
    "hoist-state",
    "constant",
    "deepcopy-to-copy",
    "drop-wraps",
    "in-to-substring",
    "casefold-to-lower",
    "drop-reversed",
    "drop-await",
    "and-or",
]

SWAP_COMPARE = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
INVERSE = {ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt}
SINGLETONS = (None, True, False, Ellipsis)
# Statements whose removal or swap says something about behaviour.
PLAIN_STATEMENTS = (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Raise,
                    ast.Delete, ast.Assert, ast.Return, ast.If, ast.For, ast.While,
                    ast.With, ast.Try)


def is_singleton(node):
    return isinstance(node, ast.Constant) and any(node.value is s for s in SINGLETONS)


def is_docstring(stmt):
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base + "." + node.attr if base else node.attr
    return None


class Text:
    """The source as lines of bytes, since ast columns count UTF-8 bytes."""

    def __init__(self, source):
        self.lines = source.encode("utf-8").splitlines(keepends=True)

    def offset(self, line, col):
        return sum(len(l) for l in self.lines[: line - 1]) + col

    def segment(self, node):
        data = b"".join(self.lines)
        return data[self.offset(node.lineno, node.col_offset):
                    self.offset(node.end_lineno, node.end_col_offset)].decode("utf-8")

    def apply(self, edits):
        """edits: (start_offset, end_offset, new_text), non-overlapping."""
        data = b"".join(self.lines)
        for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
            data = data[:start] + new.encode("utf-8") + data[end:]
        return data.decode("utf-8")

    def span(self, node):
        return self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset)

    def line_start(self, line):
        return self.offset(line, 0)


def indent_block(text, col):
    """Indent every line but the first by `col` spaces (the first sits at the node's place)."""
    pad = " " * col
    lines = text.split("\n")
    return "\n".join([lines[0]] + [pad + l if l else l for l in lines[1:]])


class Maker:
    def __init__(self, name, source):
        self.name = name
        self.source = source
        self.text = Text(source)
        self.tree = ast.parse(source)
        self.mutants = []
        self.in_fstring = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    self.in_fstring.add(id(inner))
        self.parents = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[id(child)] = node
        # Lines holding more than one statement cannot be rewritten statement-wise.
        counts = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.stmt):
                counts[node.lineno] = counts.get(node.lineno, 0) + 1
        self.crowded = {line for line, n in counts.items() if n > 1}
        # The demo under `if __name__ == "__main__":` is not what checks judge.
        self.demo_lines = set()
        for stmt in self.tree.body:
            if isinstance(stmt, ast.If) and "__main__" in ast.unparse(stmt.test):
                self.demo_lines.update(range(stmt.lineno, stmt.end_lineno + 1))

    def add(self, operator, line, edits):
        if line in self.demo_lines:
            return
        try:
            mutated = self.text.apply(edits)
        except Exception:
            return
        if mutated == self.source:
            return
        try:
            compile(mutated, self.name, "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            return
        self.mutants.append({"file": self.name, "operator": operator, "line": line, "source": mutated})

    def replace_expr(self, operator, node, new):
        if id(node) in self.in_fstring:
            return
        start, end = self.text.span(node)
        self.add(operator, node.lineno, [(start, end, "(" + ast.unparse(new) + ")")])

    def replace_stmt(self, operator, stmt, new_text, line=None):
        if stmt.lineno in self.crowded:
            return
        start, end = self.text.span(stmt)
        self.add(operator, line or stmt.lineno, [(start, end, indent_block(new_text, stmt.col_offset))])

    # ------------------------------------------------------------ expressions

    def expressions(self):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Compare) and len(node.ops) == 1:
                op = type(node.ops[0])
                left, right = node.left, node.comparators[0]
                if op in SWAP_COMPARE:
                    self.replace_expr("boundary", node, ast.Compare(left, [SWAP_COMPARE[op]()], [right]))
                if op in (ast.Eq, ast.NotEq) and not isinstance(left, ast.Constant) \
                        and not isinstance(right, ast.Constant):
                    new_op = ast.Is() if op is ast.Eq else ast.IsNot()
                    self.replace_expr("eq-to-is", node, ast.Compare(left, [new_op], [right]))
                if op in (ast.Is, ast.IsNot) and not is_singleton(left) and not is_singleton(right):
                    new_op = ast.Eq() if op is ast.Is else ast.NotEq()
                    self.replace_expr("is-to-eq", node, ast.Compare(left, [new_op], [right]))
                if op is ast.In and not (isinstance(right, ast.Constant) and isinstance(right.value, str)):
                    wrapped = ast.Call(ast.Name("str", ast.Load()), [right], [])
                    self.replace_expr("in-to-substring", node, ast.Compare(left, [ast.In()], [wrapped]))
            elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not) \
                    and isinstance(node.operand, ast.Compare) and len(node.operand.ops) == 1 \
                    and type(node.operand.ops[0]) in INVERSE:
                inner = node.operand
                self.replace_expr("not-compare", node,
                                  ast.Compare(inner.left, [INVERSE[type(inner.ops[0])]()], inner.comparators))
            elif isinstance(node, ast.Call):
                self.call(node)
            elif isinstance(node, ast.ListComp):
                self.replace_expr("list-to-iter", node, ast.GeneratorExp(node.elt, node.generators))
            elif isinstance(node, ast.Constant):
                self.constant(node)
            elif isinstance(node, ast.Await):
                self.replace_expr("drop-await", node, node.value)
            elif isinstance(node, ast.ExceptHandler):
                self.except_narrow(node)
            elif isinstance(node, ast.BoolOp):
                other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
                self.replace_expr("and-or", node, ast.BoolOp(other, node.values))

    def except_narrow(self, handler):
        """`except BaseException` (or a bare `except`) becomes `except
        Exception`, which lets KeyboardInterrupt and CancelledError through;
        `except Exception` becomes `except ValueError`, which handles one kind."""
        kind = handler.type
        if kind is None:
            at = self.text.offset(handler.lineno, handler.col_offset) + len("except")
            self.add("except-narrow", handler.lineno, [(at, at, " Exception")])
            return
        name = dotted(kind)
        narrower = {"BaseException": "Exception", "Exception": "ValueError"}.get(name)
        if narrower:
            self.replace_expr("except-narrow", kind, ast.Name(narrower, ast.Load()))

    def call(self, node):
        name = dotted(node.func) or ""
        last = name.split(".")[-1]
        if name == "isinstance" and len(node.args) == 2:
            obj, kind = node.args
            typ = ast.Call(ast.Name("type", ast.Load()), [obj], [])
            op = ast.In() if isinstance(kind, ast.Tuple) else ast.Is()
            self.replace_expr("isinstance-to-type", node, ast.Compare(typ, [op], [kind]))
        elif name == "list" and len(node.args) == 1 and not node.keywords:
            self.replace_expr("list-to-iter", node, ast.Call(ast.Name("iter", ast.Load()), node.args, []))
        elif last == "deepcopy":
            if isinstance(node.func, ast.Attribute):
                func = ast.Attribute(node.func.value, "copy", ast.Load())
            else:
                func = ast.Attribute(ast.Call(ast.Name("__import__", ast.Load()), [ast.Constant("copy")], []),
                                     "copy", ast.Load())
            self.replace_expr("deepcopy-to-copy", node, ast.Call(func, node.args, node.keywords))
        elif isinstance(node.func, ast.Attribute) and node.func.attr == "casefold":
            func = ast.Attribute(node.func.value, "lower", ast.Load())
            self.replace_expr("casefold-to-lower", node, ast.Call(func, node.args, node.keywords))
        elif name == "reversed" and len(node.args) == 1:
            self.replace_expr("drop-reversed", node, node.args[0])

    def constant(self, node):
        value = node.value
        parent = self.parents.get(id(node))
        if isinstance(parent, ast.Expr):  # a docstring or a bare constant
            return
        if isinstance(value, bool):
            new = not value
        elif isinstance(value, int):
            new = value + 1
        elif isinstance(value, float):
            new = value * 2 if value else 1.0
        else:
            return
        self.replace_expr("constant", node, ast.Constant(new))

    # ------------------------------------------------------------ statements

    def bodies(self):
        for node in ast.walk(self.tree):
            for field in ("body", "orelse", "finalbody"):
                body = getattr(node, field, None)
                if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                    yield node, body

    def statements(self):
        for owner, body in self.bodies():
            for i, stmt in enumerate(body):
                if is_docstring(stmt) and i == 0:
                    continue
                if isinstance(stmt, ast.Return) and stmt.value is not None and not is_singleton(stmt.value):
                    self.replace_stmt("drop-return-value", stmt, "return None")
                if isinstance(stmt, PLAIN_STATEMENTS):
                    self.replace_stmt("drop-statement", stmt, "pass")
                if i + 1 < len(body):
                    nxt = body[i + 1]
                    if isinstance(stmt, PLAIN_STATEMENTS) and isinstance(nxt, PLAIN_STATEMENTS) \
                            and stmt.lineno not in self.crowded and nxt.lineno not in self.crowded:
                        a, b = self.text.span(stmt), self.text.span(nxt)
                        self.add("swap-statements", stmt.lineno,
                                 [(a[0], a[1], self.text.segment(nxt)), (b[0], b[1], self.text.segment(stmt))])
            if isinstance(owner, (ast.Try, getattr(ast, "TryStar", ast.Try))) and body is owner.finalbody:
                self.drop_finally(owner)

    def drop_finally(self, node):
        if node.lineno in self.crowded:
            return
        if node.handlers or node.orelse:
            kept = type(node)(node.body, node.handlers, node.orelse, [])
            parts = [ast.unparse(kept)]
        else:
            parts = [ast.unparse(s) for s in node.body]
        parts += [ast.unparse(s) for s in node.finalbody]
        self.replace_stmt("drop-finally", node, "\n".join(parts))

    def decorators(self):
        for node in ast.walk(self.tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for dec in node.decorator_list:
                    target = dec.func if isinstance(dec, ast.Call) else dec
                    if (dotted(target) or "").split(".")[-1] == "wraps":
                        # Remove the whole decorator line, '@' included.
                        start = self.text.line_start(dec.lineno)
                        end = self.text.line_start(dec.end_lineno + 1) if dec.end_lineno < len(self.text.lines) \
                            else len(b"".join(self.text.lines))
                        self.add("drop-wraps", dec.lineno, [(start, end, "")])

    def moved_state(self):
        """State moved out to where it is shared: an instance attribute set in
        __init__ becomes a class attribute; a local of a nested function
        becomes a variable of the enclosing function."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        self.to_class_attribute(node, item)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in node.body:
                    if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self.hoist(inner)

    @staticmethod
    def free_of(expr, names):
        return not any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(expr))

    @staticmethod
    def params(func):
        a = func.args
        names = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs]
        names += [x.arg for x in (a.vararg, a.kwarg) if x is not None]
        return set(names)

    def first_line_of(self, node):
        lines = [d.lineno for d in getattr(node, "decorator_list", [])] + [node.lineno]
        return min(lines)

    def to_class_attribute(self, cls, init):
        params = self.params(init)
        for stmt in init.body:
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
                continue
            target = stmt.targets[0]
            if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                    and target.value.id == "self"):
                continue
            if not self.free_of(stmt.value, params) or stmt.lineno in self.crowded:
                continue
            start, end = self.text.span(stmt)
            at = self.text.line_start(self.first_line_of(init))
            line = " " * init.col_offset + target.attr + " = " + ast.unparse(stmt.value) + "\n"
            self.add("to-class-attribute", stmt.lineno, [(start, end, "pass"), (at, at, line)])

    def hoist(self, inner):
        local = self.params(inner)
        for stmt in inner.body:
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)):
                continue
            name = stmt.targets[0].id
            if not self.free_of(stmt.value, local) or stmt.lineno in self.crowded:
                continue
            rebound = any(
                isinstance(n, (ast.Assign, ast.AugAssign)) and n is not stmt and any(
                    isinstance(t, ast.Name) and t.id == name
                    for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))
                for n in ast.walk(inner))
            start, end = self.text.span(stmt)
            at = self.text.line_start(self.first_line_of(inner))
            line = " " * inner.col_offset + name + " = " + ast.unparse(stmt.value) + "\n"
            self.add("hoist-state", stmt.lineno,
                     [(start, end, "nonlocal " + name if rebound else "pass"), (at, at, line)])

    def run(self):
        self.expressions()
        self.statements()
        self.decorators()
        self.moved_state()
        for m in self.mutants:
            assert m["operator"] in OPERATORS, m["operator"]
        return self.mutants


def main():
    if sys.argv[1:] == ["--operators"]:
        print("\n".join(OPERATORS))
        return
    with open(sys.argv[1], encoding="utf-8") as fh:
        request = json.load(fh)
    out = []
    for f in request["files"]:
        try:
            out.extend(Maker(f["name"], f["source"]).run())
        except SyntaxError as exc:
            out.append({"file": f["name"], "error": "does not parse: %s (line %s)" % (exc.msg, exc.lineno)})
    json.dump({"mutants": out}, sys.stdout, ensure_ascii=False)


main()
