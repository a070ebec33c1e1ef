# pykata's judging harness. pykata copies this file into a fresh work dir and
# runs it as `python -S -s -u -X utf8 _pykata_harness.py SPEC EVENTS [SITE
# [GO]]`; or, once the interpreter has compiled it (src/runner/compiled.rs),
# the same with `_pykata_harness.pyc`, which Python runs as it would the
# source.
#
# SITE is the folders `site` would add to sys.path, joined by os.pathsep:
# the interpreter starts without `site` (`-S`), whose `.pth` files run code
# unrelated to the learner's at every start, and the harness adds the
# folders and the builtins `site` makes (exit, quit, help...) itself.
#
# GO, given to a run started ahead of time (src/runner/warm.rs), is a FIFO
# the harness blocks on until pykata has written the spec and the learner's
# file.
#
# SPEC is a file in `marshal`'s form (src/runner/marshal.rs) naming the
# learner's module and the instructor's checks. EVENTS is a file this harness
# appends one JSON object per line to. Neither needs the `json` module, whose
# import (with `re`, `enum` and `collections`) cost more than the rest of the
# harness on a plain CPython: the harness imports only what the interpreter
# has loaded already, and `re` for a kata that matches a pattern. It is
# opened before any learner code runs and written with one unbuffered write per
# event, so results survive a crash, os._exit or a kill, and the learner's
# prints (which go to stdout) can never reach it by accident.
#
# The harness decides semantic checks (assertions, exceptions, structure);
# textual matching of captured output happens in Rust (judge/).
import sys

# Run as a script, the harness has its own folder, the work dir, first on
# sys.path: a kata file or a file the program writes there named like a
# standard module (json.py) would stand in for it. Take the folder off until
# the work dir is put back, after the harness's own imports; later imports
# go through `_std`.
if sys.path and sys.path[0] and __file__.startswith(sys.path[0]):
    del sys.path[0]

import _ast  # builtin, unlike `ast`: parsing code costs no import time
import importlib
import io
import marshal
import os
import site

# What `site` gives every program besides sys.path: exit() and quit() (a
# learner's script may end with them), help(), copyright, credits, license.
site.setquit()
site.setcopyright()
site.sethelper()

# JSON for the results channel, written here (see the head of this file).
# Events hold the harness's own dicts, lists, strings, ints, bools and None;
# only exact types are written as such, so no method of a learner's subclass
# runs here: a str or int subclass is written as its plain value, anything
# else as its repr (as `json.dumps(default=repr)` did).
_ESCAPES = {code: "\\u%04x" % code for code in range(32)}
_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t"})
_FINITE = (float("-inf"), float("inf"))
# Every character `_ESCAPES` changes: what it writes for them is compared
# before each check, so learner code that edits the table is caught.
_ENCODING_PROBE = "".join(map(chr, _ESCAPES))


def _json(value):
    kind = type(value)
    if kind is str:
        return '"' + value.translate(_ESCAPES) + '"'
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is dict:
        return "{" + ", ".join(
            _json(key if type(key) is str else repr(key)) + ": " + _json(item)
            for key, item in value.items()) + "}"
    if kind is list or kind is tuple:
        return "[" + ", ".join([_json(item) for item in value]) + "]"
    if kind is float:
        text = float.__repr__(value)
        # NaN and the infinities are not JSON: their repr, as a string.
        return text if _FINITE[0] < value < _FINITE[1] else _json(text)
    if isinstance(value, str):
        return _json(str.__str__(value))
    if isinstance(value, int):  # True and False were written above
        return int.__repr__(value)
    return _json(repr(value))


def _channel(path):
    """The results channel: pykata made the file and reads it through its
    own descriptor, so the path is removed at once. Learner code can then
    neither find it by name nor swap it for a link or a FIFO, and the only
    writer is the closure below, which checks who calls it."""
    events = open(path, "ab", buffering=0)
    try:
        os.remove(path)
    except OSError:
        pass
    write, dumps, caller = events.write, _json, sys._getframe
    harness = globals()

    def emit(**event):
        # Only the harness's own functions may write results; a learner's
        # call (from their module or a check namespace) is recorded as such.
        if caller(1).f_globals is not harness:
            event = {"event": "tampered", "what": "learner code wrote to the results channel"}
        data = dumps(event) + "\n"
        write(data.encode("utf-8", "replace"))

    return emit


def _std(name):
    """A module of the standard library the harness imports late (to start
    fast), never a file of the work dir of that name."""
    module = sys.modules.get(name)
    where = os.path.dirname(os.path.abspath(getattr(module, "__file__", None) or os.sep))
    if module is not None and where != _WORKDIR:
        return module
    saved = sys.path[:]
    sys.path[:] = [p for p in saved if p and os.path.abspath(p) != _WORKDIR]
    sys.modules.pop(name, None)
    try:
        return importlib.import_module(name)
    finally:
        sys.path[:] = saved


emit = _channel(sys.argv[2])
_spec_path = sys.argv[1]
_site_path = sys.argv[3] if len(sys.argv) > 3 else ""
# A warm run (src/runner/warm.rs) is started before the learner's file and
# the spec exist, and waits here, its imports done, until pykata writes them
# and opens this FIFO; its end of file is the signal to go on.
_go_path = sys.argv[4] if len(sys.argv) > 4 else None
del sys.argv[1:]
if _go_path:
    with open(_go_path, "rb") as _go:
        _go.read()
    os.remove(_go_path)
    del _go
del _go_path

_WORKDIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _WORKDIR)
# After the standard library, where `site` puts them.
sys.path.extend(p for p in _site_path.split(os.pathsep) if p)
del _site_path
sys.dont_write_bytecode = True


with open(_spec_path, "rb") as fh:
    SPEC = marshal.loads(fh.read())
os.remove(_spec_path)

MODULE = SPEC["module"]
# The kata's input, read once, so every import and check sees all of it.
STDIN = sys.stdin.read() if sys.stdin is not None else ""


def fresh_stdin():
    sys.stdin = io.StringIO(STDIN)

LEARNER_FILE = os.path.join(_WORKDIR, MODULE + ".py")
MAX_TEXT = 64 * 1024
# The exit code of a harness that failed on its own account.
HARNESS_FAILED = 86
# The version of the harness protocol, the spec read here and the events
# written back; pykata refuses results in another, and this harness a spec
# in another (`PROTOCOL` in src/runner/harness.rs). 2: each check in the
# wire form of its kind; a `raises` check always names its `phase`. 3: the
# spec in `marshal`'s form.
PROTOCOL = 3
OUTPUT_LIMIT = SPEC.get("output_limit", 1024 * 1024)


def clip(text):
    if text is None:
        return None
    text = str(text)
    if len(text) > MAX_TEXT:
        return text[:MAX_TEXT] + "\n... (cut)"
    return text


def learner_traceback(exc):
    """The traceback trimmed to the learner's own file, plus the exception line."""
    traceback = _std("traceback")

    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if os.path.abspath(f.filename) == LEARNER_FILE
    ]
    lines = []
    if frames:
        lines.append("Traceback (most recent call last):")
        for frame in traceback.format_list(frames):
            lines.append(frame.rstrip("\n").replace(LEARNER_FILE, MODULE + ".py"))
    lines.extend(
        line.rstrip("\n") for line in traceback.format_exception_only(type(exc), exc)
    )
    return "\n".join(lines)


def learner_line(exc):
    """The last line of the learner's file the exception passed through."""
    traceback = _std("traceback")

    line = None
    for f in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(f.filename) == LEARNER_FILE:
            line = f.lineno
    return line


def describe(exc):
    return {
        "type": type(exc).__name__,
        "text": clip(str(exc)),
        "traceback": clip(learner_traceback(exc)),
        "line": learner_line(exc),
    }


# Every earlier import of the learner's module, kept alive to the end: a
# program imports its module once, so a module-level object's finaliser runs
# at exit (which the harness skips), never when a later check re-imports and
# the garbage collector happens to free the old copy mid-check.
_EARLIER_IMPORTS = []


_bootstrap = sys.modules["_frozen_importlib"]
_bootstrap_external = sys.modules["_frozen_importlib_external"]


class _LearnerLoader(_bootstrap_external.SourceFileLoader):
    """The loader the import system gives the learner's file, but that reads
    and compiles it once per run: each check still imports the module
    afresh (a new module object, its body run again)."""

    compiled = {}

    def get_code(self, fullname):
        code = self.compiled.get(fullname)
        if code is None:
            code = self.compiled[fullname] = super().get_code(fullname)
        return code


def fresh_import(capture=True):
    """Import the learner's module anew, so no state leaks between checks.
    With `capture=False` what it prints goes to the caller's capture."""
    earlier = sys.modules.pop(MODULE, None)
    if earlier is not None:
        _EARLIER_IMPORTS.append(earlier)
    # Files a check wrote are found by the imports of the next one.
    importlib.invalidate_caches()
    fresh_stdin()
    # A check that changed directory must not move the next one.
    os.chdir(_WORKDIR)
    # What `import MODULE` does (a module made from its spec, put in
    # sys.modules while its body runs, taken out if that raises), with the
    # file found where the import system would find it.
    spec = _bootstrap_external.spec_from_file_location(
        MODULE, LEARNER_FILE, loader=_LearnerLoader(MODULE, LEARNER_FILE))
    if not capture:
        return _bootstrap._load(spec)
    with Captured():
        return _bootstrap._load(spec)


def namespace(module):
    ns = dict(vars(module))
    ns["learner"] = module
    ns["__name__"] = "__pykata_check__"
    # The kata's shared helpers (fakes, small functions) come first.
    if SPEC.get("helpers"):
        run_code(SPEC["helpers"], ns, "helpers")
    return ns


def parse(code, filename):
    return compile(code, filename, "exec", _ast.PyCF_ONLY_AST, dont_inherit=True)


def run_code(code, ns, name):
    """Run statements; if the last is an expression, return its value."""
    tree = parse(code, "<" + name + ">")
    last = None
    if tree.body and isinstance(tree.body[-1], _ast.Expr):
        last = _ast.Expression(tree.body.pop().value)
    exec(compile(tree, "<" + name + ">", "exec"), ns)
    if last is not None:
        return eval(compile(last, "<" + name + ">", "eval"), ns)
    return None


class _Unset:
    """Stands in for a name a message refers to that was never bound (the
    learner's code failed before the check could set it)."""

    def __repr__(self):
        return "(not set)"

    __str__ = __repr__

    def __format__(self, spec):
        return "(not set)"

    def __getattr__(self, name):
        return self

    def __getitem__(self, key):
        return self


class _Names(dict):
    def __missing__(self, key):
        return _Unset()


def format_message(template, ns):
    if not template:
        return template
    try:
        return template.format_map(_Names(ns))
    except Exception:
        return template


class OutputLimit(BaseException):
    """Raised into learner code that prints past the kata's output limit.

    A BaseException, so `except Exception` in learner code does not swallow it.
    """


class CappedBuffer(io.TextIOBase):
    """Keeps the head of what is printed, counts the rest, and stops the
    program once it passes the output limit."""

    def __init__(self):
        self.parts = []
        self.kept = 0
        self.total = 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        self.total += len(text)
        if self.kept < MAX_TEXT:
            head = text[: MAX_TEXT - self.kept]
            self.parts.append(head)
            self.kept += len(head)
            # Sent at once (no thread: a sampling thread would show up in
            # the learner's profiles), so a run the wall clock kills keeps
            # what it printed. Bounded by MAX_TEXT per capture.
            if head and _WATCHED and _WATCHED[1] is self:
                emit(event="partial_output", id=_WATCHED[0], text=head)
        if self.total > OUTPUT_LIMIT:
            raise OutputLimit()
        return len(text)

    def getvalue(self):
        return "".join(self.parts)

    @property
    def truncated(self):
        return self.total > self.kept


class Captured:
    """Capture what code prints (stdout) while it runs. With `watch` (a
    check id, or "" for the import), the watcher streams what is printed, so
    output printed before a timeout or a crash is kept."""

    def __init__(self, watch=None):
        self.watch = watch

    def __enter__(self):
        self.buffer = CappedBuffer()
        self.saved = sys.stdout
        sys.stdout = self.buffer
        if self.watch is not None:
            _WATCHED[:] = [self.watch, self.buffer]
        return self

    def __exit__(self, *exc):
        sys.stdout = self.saved
        if self.watch is not None:
            _WATCHED[:] = []
        return False

    @property
    def text(self):
        return self.buffer.getvalue()

    @property
    def truncated(self):
        return self.buffer.truncated


# The capture whose output is streamed as it is printed: [check id, buffer].
_WATCHED = []


def exception_matches(exc, name):
    return any(cls.__name__ == name or cls.__qualname__ == name for cls in type(exc).__mro__)


# ---------------------------------------------------------------- structure

def _walk(tree):
    """Every node of `tree`, breadth first, as `ast.walk` gives them (the
    first line a construct is found on is the one reported), without the
    `ast` module, which imports `enum` and `contextlib`."""
    todo = [tree]
    for node in todo:
        for name in node._fields:
            field = getattr(node, name, None)
            if isinstance(field, _ast.AST):
                todo.append(field)
            elif isinstance(field, list):
                todo.extend(item for item in field if isinstance(item, _ast.AST))
        yield node


def constructs(tree):
    """Yield (construct, line) for everything a structure check can name."""
    ast = _ast

    mutable_calls = {"list", "dict", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"}
    singletons = (None, True, False, Ellipsis)

    def dotted(node):
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            base = dotted(node.value)
            return base + "." + node.attr if base else node.attr
        if isinstance(node, ast.Call):
            return dotted(node.func)
        return None

    def is_singleton(node):
        return isinstance(node, ast.Constant) and any(node.value is s for s in singletons)

    simple = {
        ast.Lambda: "lambda",
        ast.ListComp: "comprehension",
        ast.SetComp: "comprehension",
        ast.DictComp: "comprehension",
        ast.GeneratorExp: "comprehension",
        ast.NamedExpr: "walrus",
        ast.JoinedStr: "fstring",
        ast.Global: "global",
        ast.Nonlocal: "nonlocal",
        ast.Yield: "yield",
        ast.YieldFrom: "yield",
        ast.With: "with",
        ast.AsyncWith: "async_with",
        ast.Try: "try",
        ast.For: "for",
        ast.AsyncFor: "for",
        ast.While: "while",
        ast.AsyncFunctionDef: "async_def",
    }
    if hasattr(ast, "Match"):
        simple[ast.Match] = "match"
    if hasattr(ast, "TryStar"):
        simple[ast.TryStar] = "try"

    for node in _walk(tree):
        line = getattr(node, "lineno", None)
        kind = simple.get(type(node))
        if kind:
            yield kind, line
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield "def:" + node.name, line
            defaults = list(node.args.defaults) + [d for d in node.args.kw_defaults if d is not None]
            for d in defaults:
                if isinstance(d, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
                    yield "mutable_default", d.lineno
                elif isinstance(d, ast.Call) and (dotted(d.func) or "").split(".")[-1] in mutable_calls:
                    yield "mutable_default", d.lineno
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for dec in node.decorator_list:
                yield "decorator", dec.lineno
                name = dotted(dec)
                if name:
                    yield "decorator:" + name, dec.lineno
                    yield "decorator:" + name.split(".")[-1], dec.lineno
        if isinstance(node, ast.ClassDef):
            yield "class", line
            yield "class:" + node.name, line
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield "import:" + alias.name, line
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield "import:" + node.module, line
            for alias in node.names:
                yield "import:" + node.module + "." + alias.name, line
        elif isinstance(node, ast.Call):
            name = dotted(node.func)
            if name:
                yield "call:" + name, line
                yield "call:" + name.split(".")[-1], line
        elif isinstance(node, ast.Name):
            yield "name:" + node.id, line
        elif isinstance(node, ast.Attribute):
            yield "name:" + node.attr, line
        elif isinstance(node, ast.Compare):
            operands = [node.left] + list(node.comparators)
            for i, op in enumerate(node.ops):
                if isinstance(op, (ast.Is, ast.IsNot)):
                    if not (is_singleton(operands[i]) or is_singleton(operands[i + 1])):
                        yield "is_value_compare", line


def check_structure(check, source):
    tree = parse(source, MODULE + ".py")
    found = {}
    for kind, line in constructs(tree):
        found.setdefault(kind, line)
    for wanted in check.get("require") or []:
        if wanted not in found:
            return "fail", "the file has no " + wanted, None
    for banned in check.get("forbid") or []:
        if banned in found:
            return "fail", banned + " found on line " + str(found[banned]), found[banned]
    return "pass", None, None


# ---------------------------------------------------------------- checks

def run_check(check, source, import_error):
    kind = check["kind"]
    cid = check["id"]
    result = {"id": cid, "kind": kind}

    if kind == "structure":
        status, detail, line = check_structure(check, source)
        result.update(status=status, detail=detail, line=line)
        if status != "pass":
            result["message"] = check.get("message") or detail
        return result

    if kind == "raises" and check["phase"] == "import":
        if import_error is None:
            result.update(status="fail", actual="the file imported without raising",
                          message=check.get("message") or "importing the file should raise " + check["exception"])
            return result
        return judge_exception(check, result, import_error)

    if import_error is not None:
        result.update(status="error", message="your file did not import", error=describe(import_error))
        return result

    try:
        module = fresh_import()
    except BaseException as exc:  # the first import worked; a later one may not
        result.update(status="error", message="your file did not import", error=describe(exc))
        return result
    try:
        ns = namespace(module)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        stopped(result, check, {}, exc, (check.get("asserts") or [None])[0])
        return result

    if kind in ("output", "lines"):
        with Captured(watch=cid) as cap:
            try:
                if check.get("run"):
                    run_code(check["run"], ns, "check " + cid)
                else:
                    runpy = _std("runpy")

                    fresh_stdin()
                    runpy.run_path(LEARNER_FILE, run_name="__main__")
                error = None
            except BaseException as exc:
                error = exc
        result.update(output=clip(cap.text), truncated=cap.truncated)
        if isinstance(error, OutputLimit):
            result.update(status="killed", message=output_limit_message(cid))
        elif error is not None:
            if isinstance(error, KeyboardInterrupt):
                raise error
            stopped(result, check, ns, error)
        else:
            result["status"] = "ran"  # the Rust judge matches the output
            result["message"] = format_message(check.get("message"), ns)
        return result

    if kind == "raises":
        with Captured(watch=cid) as cap:
            try:
                run_code(check["run"], ns, "check " + cid)
                raised = None
            except BaseException as exc:
                raised = exc
        result.update(output=clip(cap.text), truncated=cap.truncated)
        if isinstance(raised, OutputLimit):
            result.update(status="killed", message=output_limit_message(cid))
            return result
        if raised is None:
            result.update(status="fail", actual="nothing was raised",
                          message=format_message(check.get("message"), ns)
                          or "expected " + check["exception"] + " to be raised")
            return result
        return judge_exception(check, result, raised, ns)

    if kind == "assert":
        current = None
        with Captured(watch=cid) as cap:
            try:
                if check.get("setup"):
                    run_code(check["setup"], ns, "setup of " + cid)
                for item in check.get("asserts") or []:
                    current = item
                    code = item["code"]
                    detail = None
                    try:
                        value = run_code(code, ns, "assertion of " + cid)
                        held = bool(value) if _is_expression(code) else True
                    except AssertionError as exc:
                        held, detail = False, str(exc) or None
                    if not held:
                        result.update(status="fail", failed=code,
                                      message=format_message(item.get("message"), ns)
                                      or detail or "this did not hold: " + code)
                        break
                else:
                    result["status"] = "pass"
            except OutputLimit:
                result.update(status="killed", message=output_limit_message(cid))
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt):
                    raise
                # In the setup, the first assertion is what the check was getting at.
                first = (check.get("asserts") or [None])[0]
                stopped(result, check, ns, exc, current or first)
        result.update(output=clip(cap.text), truncated=cap.truncated)
        return result

    result.update(status="error", message="unknown check kind " + kind)
    return result


def stopped(result, check, ns, exc, assertion=None):
    """A check that could not finish because code raised. The check's own
    message (the assertion's it was on, else the check's) leads, so the
    learner reads what the check wanted before the exception; `own_code`
    says the check's own code failed on a name that was never bound, which
    happens when the learner's code failed before the check could set up."""
    template = (assertion or {}).get("message") or check.get("message")
    result.update(status="error", error=describe(exc),
                  message=format_message(template, ns) if template else None,
                  own_code=isinstance(exc, NameError) and raised_in_check_code(exc))


def raised_in_check_code(exc):
    traceback = _std("traceback")

    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and frames[-1].filename.startswith("<") and frames[-1].filename != "<string>"


def output_limit_message(cid):
    return ("output limit: the program printed more than %d KB during check `%s` and was stopped; "
            "the start of it is kept" % (OUTPUT_LIMIT // 1024, cid))


def _is_expression(code):
    tree = parse(code, "<assertion>")
    return bool(tree.body) and isinstance(tree.body[-1], _ast.Expr)


def judge_exception(check, result, exc, ns=None):
    wanted = check["exception"]
    result["actual"] = type(exc).__name__ + ": " + str(exc)
    result["expected"] = wanted + (" matching /" + check["pattern"] + "/" if check.get("pattern") else "")
    message = format_message(check.get("message"), ns or {})
    if not exception_matches(exc, wanted):
        result.update(status="fail", error=describe(exc),
                      message=message or "expected " + wanted + ", but " + type(exc).__name__ + " was raised")
    elif check.get("pattern") and not _pattern_ok(check["pattern"]):
        result.update(status="error", own_code=True,
                      message="pykata's judge failed, not your code: the kata's `pattern` is not a valid "
                              "regular expression (`pykata lint` names it); tell the course's author")
    elif check.get("pattern") and not _std("re").search(check["pattern"], str(exc)):
        result.update(status="fail",
                      message=message or wanted + " was raised, but its message does not match")
    else:
        result["status"] = "pass"
    return result


def _pattern_ok(pattern):
    re = _std("re")

    try:
        re.compile(pattern)
        return True
    except re.error:
        return False


def run_mistake(mistake):
    try:
        module = fresh_import()
        with Captured():
            return bool(run_code(mistake["when"], namespace(module), "mistake " + mistake["id"]))
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        return False


def _trusted():
    """The harness's own functions and classes, the library functions it
    relies on, and what it writes for the characters JSON escapes, as they
    are before any learner code runs."""
    own = {name: obj for name, obj in globals().items()
           if callable(obj) and getattr(obj, "__module__", None) == __name__}
    return own, _library(), _json(_ENCODING_PROBE)


def _library(with_re=None):
    """The library functions the judging relies on, as they are now: `re`
    only for a kata that matches a pattern (imported first before any
    learner code, so the module the judging uses is the real one)."""
    library = {"marshal.dumps": marshal.dumps, "marshal.loads": marshal.loads}
    if with_re is None:
        with_re = any(isinstance(check, dict) and check.get("pattern")
                      for check in SPEC.get("checks") or ())
    if with_re:
        library["re.search"] = _std("re").search
    return library


def _tampering(trusted, spec_bytes):
    """What learner code changed that the judging relies on: harness
    functions replaced, marshal or re patched, the results' escapes or the
    spec rewritten, a trace or profile function set (which can rewrite the
    harness's locals)."""
    own, library, encoding = trusted
    found = [name for name, obj in own.items() if globals().get(name) is not obj]
    current = _library(with_re="re.search" in library)
    found += [name for name, obj in library.items() if current.get(name) is not obj]
    if _json(_ENCODING_PROBE) != encoding:
        found.append("the results' encoding")
    if sys.gettrace() is not None or sys.getprofile() is not None:
        found.append("a trace or profile function")
    try:
        # Version 2 writes no references, so equal values give equal bytes;
        # an object of a learner's class (even a str subclass) cannot be
        # written at all.
        same_spec = library["marshal.dumps"](SPEC, 2) == spec_bytes
    except Exception:
        same_spec = False
    if not same_spec:
        found.append("the checks (SPEC)")
    return found


def main():
    # Shortly before the wall clock ends the run, the C-level faulthandler
    # (no Python thread, invisible to profilers) writes every thread's stack
    # to stderr, so the verdict can say where the program was stuck.
    wall = SPEC.get("wall_ms")
    if wall:
        faulthandler = _std("faulthandler")

        faulthandler.dump_traceback_later(max(wall / 1000 - 0.4, 0.3), file=sys.__stderr__)
    trusted = _trusted()
    spec_bytes = marshal.dumps(SPEC, 2)
    checks = marshal.loads(spec_bytes)["checks"]  # a private copy: SPEC is reachable
    emit(event="start", python=list(sys.version_info[:3]), implementation=sys.implementation.name,
         protocol=PROTOCOL)
    if SPEC.get("protocol") != PROTOCOL:
        raise ValueError("the spec is in protocol %r and this harness reads protocol %d"
                         % (SPEC.get("protocol"), PROTOCOL))
    minimum = SPEC.get("min_python")
    if minimum and tuple(sys.version_info[:len(minimum)]) < tuple(minimum):
        emit(event="skipped", needs=minimum)
        emit(event="done")
        return

    with open(LEARNER_FILE, "rb") as fh:
        raw = fh.read()
    try:
        source = raw.decode("utf-8")
        compile(source, MODULE + ".py", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
        event = {"type": type(exc).__name__, "text": str(exc)}
        if isinstance(exc, SyntaxError):
            event.update(text=exc.msg, line=exc.lineno, column=exc.offset, code=(exc.text or "").rstrip("\n"))
        emit(event="syntax_error", **event)
        emit(event="done")
        return

    import_error = None
    with Captured(watch="") as cap:
        try:
            fresh_import(capture=False)
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            import_error = exc
    emit(event="import", ok=import_error is None, output=clip(cap.text),
         error=describe(import_error) if import_error else None)

    any_failed = unjudged = False
    for check in checks:
        changed = _tampering(trusted, spec_bytes)
        if changed:
            sys.settrace(None)
            sys.setprofile(None)
            emit(event="tampered", what="learner code changed " + ", ".join(changed))
            return
        emit(event="check_start", id=check["id"])
        result = run_check(check, source, import_error)
        if result.get("status") == "ran":
            unjudged = True
        elif result.get("status") != "pass":
            any_failed = True
        emit(event="check_end", **result)

    changed = _tampering(trusted, spec_bytes)
    if changed:
        sys.settrace(None)
        sys.setprofile(None)
        emit(event="tampered", what="learner code changed " + ", ".join(changed))
        return

    # Detectors only matter when something is wrong. Output checks ("ran") are
    # matched in Rust, so their verdict is unknown here: run detectors then too.
    if SPEC.get("mistakes") and (any_failed or unjudged) and import_error is None:
        for mistake in SPEC["mistakes"]:
            emit(event="mistake_start", id=mistake["id"])
            emit(event="mistake_end", id=mistake["id"], fired=run_mistake(mistake))
    emit(event="done")


try:
    main()
except SystemExit as exc:
    emit(event="exit", code=str(exc.code))
except KeyboardInterrupt:
    emit(event="interrupted")
except BaseException as exc:
    # The harness itself failed (the learner's program may have used up its
    # open files, or a course's check is broken): say so, with the detail.
    # Importing may fail too, for the very reason the harness did.
    try:
        traceback = _std("traceback")

        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-16384:]
    except BaseException:
        detail = ""
    try:
        emit(event="harness_error", type=type(exc).__name__, text=str(exc)[:4096], traceback=detail)
    except BaseException:
        pass
    os._exit(HARNESS_FAILED)
finally:
    # Leave at once: threads the learner started and never joined would
    # otherwise keep the interpreter alive until the wall clock kills it.
    try:
        sys.__stdout__.flush()
        sys.__stderr__.flush()
    except Exception:
        pass
    os._exit(0)
