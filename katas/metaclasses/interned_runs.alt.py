"""One Run object per run id: one table for all classes, keyed by class."""


class InternedMeta(type):
    _runs = {}  # (class, run id) -> the run

    def __call__(cls, *args, **kwargs):
        key = (cls, args[0])
        found = InternedMeta._runs.get(key)
        if found is None:
            found = type.__call__(cls, *args, **kwargs)
            InternedMeta._runs[key] = found
        return found


class Run(metaclass=InternedMeta):
    def __init__(self, run_id, project="default"):
        self.run_id = run_id
        self.project = project
        self.metrics = {}

    def log(self, key, value):
        self.metrics[key] = value
