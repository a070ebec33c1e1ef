"""Derived settings whose errors name the real cause."""


class RunConfig:
    def __init__(self, **settings):
        self._settings = settings

    def __getattr__(self, name):
        if hasattr(type(self), name):
            # The class defines this name (a property), so normal lookup
            # failed inside it, and Python dropped that error to call us.
            # Run it again from here: an error raised by __getattr__ is not
            # rerouted, so the getter's own AttributeError reaches the caller.
            return object.__getattribute__(self, name)
        if name.startswith("_"):
            raise AttributeError(name)
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



if __name__ == "__main__":
    cfg = RunConfig(dataset_size=50_000, batch_size=64)
    print(cfg.steps_per_epoch)
    try:
        cfg.warmup_steps
    except AttributeError as err:
        print(err)
