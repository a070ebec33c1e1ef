"""Derived settings that fail with the wrong error.

RunConfig serves its settings as attributes through __getattr__ and derives
a few values with properties. On a config without `warmup_fraction`,

    cfg = RunConfig(dataset_size=50_000, batch_size=64)
    cfg.warmup_steps

fails with "RunConfig has no setting 'warmup_steps'", blaming a property
that plainly exists, instead of the missing `warmup_fraction`.
"""


class RunConfig:
    def __init__(self, **settings):
        self._settings = settings

    def __getattr__(self, name):
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
    print(cfg.warmup_steps)  # which setting is missing?
