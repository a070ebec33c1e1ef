"""One Run object per run id, cached in __new__."""


class InternedMeta(type):
    pass


class Run(metaclass=InternedMeta):
    _known = {}

    def __new__(cls, run_id, project="default"):
        if run_id not in cls._known:
            cls._known[run_id] = super().__new__(cls)
        return cls._known[run_id]

    def __init__(self, run_id, project="default"):
        self.run_id = run_id
        self.project = project
        self.metrics = {}

    def log(self, key, value):
        self.metrics[key] = value
