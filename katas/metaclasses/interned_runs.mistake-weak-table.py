import weakref


class InternedMeta(type):
    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace, **kwargs)
        cls._interned = weakref.WeakValueDictionary()

    def __call__(cls, run_id, *args, **kwargs):
        obj = cls._interned.get(run_id)
        if obj is None:
            obj = super().__call__(run_id, *args, **kwargs)
            cls._interned[run_id] = obj
        return obj


class Run(metaclass=InternedMeta):
    def __init__(self, run_id, project="default"):
        self.run_id = run_id
        self.project = project
        self.metrics = {}

    def log(self, key, value):
        self.metrics[key] = value
