# pykata's course syntax check, for `lint` and `verify`.
#
# Reads the JSON file named by its argument: {"items": [{"key": ..., "kind":
# "code" or "regex", "text": ...}]} and prints {"problems": [{"key", "message",
# "line", "column"}]} for every item Python would refuse: check code that does
# not compile, a regular expression `re` cannot compile. Nothing is run.
import json
import re
import sys
import warnings


def problem_of(item):
    text = item["text"]
    if item["kind"] == "regex":
        try:
            re.compile(text)
        except re.error as exc:
            return {"message": "bad regular expression: %s" % exc.msg, "line": None,
                    "column": exc.pos + 1 if exc.pos is not None else None}
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "<check>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return {"message": "Python syntax error: %s" % exc.msg, "line": exc.lineno, "column": exc.offset}
    except ValueError as exc:
        return {"message": "Python cannot compile it: %s" % exc, "line": None, "column": None}
    return None


def main():
    with open(sys.argv[1], encoding="utf-8") as fh:
        items = json.load(fh)["items"]
    problems = []
    for item in items:
        found = problem_of(item)
        if found:
            found["key"] = item["key"]
            problems.append(found)
    json.dump({"problems": problems}, sys.stdout)


main()
