"""One Run object per run id, in one table keyed by class name."""


class InternedMeta(type):
    _runs = {}

    def __call__(cls, run_id, *args, **kwargs):
        key = (cls.__name__, run_id)
        if key not in InternedMeta._runs:
            InternedMeta._runs[key] = super().__call__(run_id, *args, **kwargs)
        return InternedMeta._runs[key]


class Run(metaclass=InternedMeta):
    def __init__(self, run_id, project="default"):
        self.run_id = run_id
        self.project = project
        self.metrics = {}

    def log(self, key, value):
        self.metrics[key] = value

