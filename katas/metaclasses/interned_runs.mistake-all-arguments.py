"""One Run object per run id, per class."""


class InternedMeta(type):
    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace, **kwargs)
        # Set on every class this metaclass builds, subclasses included, so
        # no class ever reads its parent's table through inheritance.
        cls._interned = {}

    def __call__(cls, *args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cls._interned:
            cls._interned[key] = super().__call__(*args, **kwargs)
        return cls._interned[key]


class Run(metaclass=InternedMeta):
    def __init__(self, run_id, project="default"):
        self.run_id = run_id
        self.project = project
        self.metrics = {}

    def log(self, key, value):
        self.metrics[key] = value

