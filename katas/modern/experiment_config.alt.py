"""Same contract, written with the decorator arguments spelled out and a
validation that also refuses NaN (NaN is not greater than zero)."""

import dataclasses


def _new_tag_list():
    return []


@dataclasses.dataclass(slots=True, frozen=True, eq=True)
class ExperimentConfig:
    name: str
    lr: float = 1e-3
    epochs: int = 10
    tags: list = dataclasses.field(default_factory=_new_tag_list)

    def __post_init__(self) -> None:
        if not self.lr > 0:
            raise ValueError("lr must be > 0 (got %r)" % (self.lr,))
