"""One Run object per run id, remembered as soon as it exists."""


class InternedMeta(type):
    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace, **kwargs)
        cls._interned = {}

    def __call__(cls, run_id, *args, **kwargs):
        if run_id in cls._interned:
            return cls._interned[run_id]
        run = cls.__new__(cls)
        cls._interned[run_id] = run
        run.__init__(run_id, *args, **kwargs)
        return run


class Run(metaclass=InternedMeta):
    def __init__(self, run_id, project="default"):
        self.run_id = run_id
        self.project = project
        self.metrics = {}

    def log(self, key, value):
        self.metrics[key] = value

