"""One Run object per run id; the table is made when first needed."""


class InternedMeta(type):
    def __call__(cls, run_id, *args, **kwargs):
        if not hasattr(cls, "_interned"):
            cls._interned = {}
        if run_id not in cls._interned:
            cls._interned[run_id] = super().__call__(run_id, *args, **kwargs)
        return cls._interned[run_id]


class Run(metaclass=InternedMeta):
    def __init__(self, run_id, project="default"):
        self.run_id = run_id
        self.project = project
        self.metrics = {}

    def log(self, key, value):
        self.metrics[key] = value

