"""One Run object per run id, per class."""


class InternedMeta(type):
    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace, **kwargs)
        # Set on every class this metaclass builds, subclasses included, so
        # no class ever reads its parent's table through inheritance.
        cls._interned = {}

    def __call__(cls, run_id, *args, **kwargs):
        if run_id in cls._interned:
            return cls._interned[run_id]
        return super().__call__(run_id, *args, **kwargs)


class Run(metaclass=InternedMeta):
    def __init__(self, run_id, project="default"):
        self.run_id = run_id
        self.project = project
        self.metrics = {}

    def log(self, key, value):
        self.metrics[key] = value

