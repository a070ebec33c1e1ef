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
        try:
            return self.dataset_size // self.batch_size
        except AttributeError as err:
            raise RuntimeError(f"cannot compute steps_per_epoch: {err}") from err

    @property
    def warmup_steps(self):
        try:
            return int(self.warmup_fraction * self.steps_per_epoch)
        except AttributeError as err:
            raise RuntimeError(f"cannot compute warmup_steps: {err}") from err

