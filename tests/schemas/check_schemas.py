#!/usr/bin/env python3
"""Checks schemas/ against the flows of the repository.

Every flow file under examples/ and tests/data/ that `fnf validate` accepts must
be accepted by its dialect's schema, and a few flows with typical mistakes must
be refused. Usage: check_schemas.py FNF_TOOL SOURCE_DIR. Exits 77 (skipped)
when Python's jsonschema or yaml module is missing.
"""
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
    import yaml
except ImportError as missing:
    print(f"skipped: {missing}")
    sys.exit(77)


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return json.loads(text) if path.endswith(".json") else yaml.safe_load(text)


def dialect(doc):
    if isinstance(doc, dict) and doc.get("Type") == "StateMachine":
        return "cloudflow"
    if isinstance(doc, dict) and doc.get("type") == "flow":
        return "legacy"
    return None


def main():
    tool, source = sys.argv[1], sys.argv[2]
    validators = {}
    for name, file in (("cloudflow", "cloudflow-v1.schema.json"),
                       ("legacy", "fdl-legacy.schema.json")):
        with open(os.path.join(source, "schemas", file), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        validators[name] = jsonschema.Draft7Validator(schema)

    files = []
    for pattern in ("examples/**/*.yaml", "examples/**/*.json",
                    "tests/data/**/*.yaml", "tests/data/**/*.json"):
        files += glob.glob(os.path.join(source, pattern), recursive=True)
    checked, failures = 0, []
    for path in sorted(files):
        try:
            doc = load(path)
        except Exception:  # not YAML/JSON at all: a test of bad input
            continue
        kind = dialect(doc)
        if kind is None:
            continue
        valid = subprocess.run([tool, "validate", path], capture_output=True)
        if valid.returncode != 0:
            continue  # a deliberately invalid flow
        checked += 1
        errors = sorted(validators[kind].iter_errors(doc), key=str)
        if errors:
            failures.append(f"{path}: {errors[0].message} at "
                            f"{'/'.join(map(str, errors[0].absolute_path))}")

    # Mistakes the schemas must catch, each in a copy of a valid flow.
    every_state = load(os.path.join(source, "tests/data/cli/graph/every_state.yaml"))
    every_step = load(os.path.join(source, "tests/data/cli/graph/every_step.yaml"))
    mistakes = [
        ("cloudflow", "state type Wiat",
         lambda d: d["States"][3].update({"Type": "Wiat"})),
        ("cloudflow", "field MaxAttempt",
         lambda d: d["States"][2].update(
             {"Retry": [{"Errors": ["A"], "MaxAttempt": 1,
                         "IntervalSeconds": 1}]})),
        ("cloudflow", "TaskMode RequestCompleet",
         lambda d: d["States"][2].update({"TaskMode": "RequestCompleet"})),
        ("cloudflow", "End on a Choice",
         lambda d: d["States"][1].update({"End": True})),
        ("legacy", "step type tsak",
         lambda d: d["steps"][2].update({"type": "tsak"})),
        ("legacy", "pattern sinc",
         lambda d: d["steps"][2].update({"pattern": "sinc"})),
    ]
    for kind, what, change in mistakes:
        doc = json.loads(json.dumps(every_state if kind == "cloudflow" else every_step))
        change(doc)
        if validators[kind].is_valid(doc):
            failures.append(f"the {kind} schema accepts a flow with {what}")

    for failure in failures:
        print("FAIL", failure)
    print(f"{checked} valid flows checked against the schemas, "
          f"{len(mistakes)} mistakes refused, {len(failures)} failures")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
