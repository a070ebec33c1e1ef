"""Derived settings: __getattr__ calls the class's own descriptor itself."""


class RunConfig:
    def __init__(self, **settings):
        self._settings = settings

    def __getattr__(self, name):
        for klass in type(self).__mro__:
            attribute = vars(klass).get(name)
            if hasattr(attribute, "__get__"):
                # A property (or other descriptor) failed inside: call it
                # directly so its own error is the one that escapes.
                return attribute.__get__(self, type(self))
        settings = self.__dict__.get("_settings", {})
        if name in settings:
            return settings[name]
        raise AttributeError(f"{type(self).__name__} has no setting {name!r}")

    @property
    def steps_per_epoch(self):
        return self.dataset_size // self.batch_size

    @property
    def warmup_steps(self):
        return int(self.warmup_fraction * self.steps_per_epoch)
