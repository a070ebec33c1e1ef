class RunConfig:
    def __init__(self, **settings):
        self._settings = settings

    def __getattribute__(self, name):
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            if name.startswith("_"):
                raise
            settings = object.__getattribute__(self, "_settings")
            if name in settings:
                return settings[name]
            raise AttributeError(f"{type(self).__name__} has no setting {name!r}") from None

    @property
    def steps_per_epoch(self):
        return self.dataset_size // self.batch_size

    @property
    def warmup_steps(self):
        return int(self.warmup_fraction * self.steps_per_epoch)

