class RunConfig:
    def __init__(self, **settings):
        self._settings = settings

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in type(self).__dict__:
            return object.__getattribute__(self, name)
        try:
            return self._settings[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no setting {name!r}") from None

    @property
    def steps_per_epoch(self):
        return self.dataset_size // self.batch_size

    @property
    def warmup_steps(self):
        return int(self.warmup_fraction * self.steps_per_epoch)

