"""Validation that tests the type of lr: a positive int lr is refused."""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ExperimentConfig:
    name: str
    lr: float = 0.001
    epochs: int = 10
    tags: list = field(default_factory=list)

    def __post_init__(self):
        if not isinstance(self.lr, float) or self.lr <= 0:
            raise ValueError("lr must be a positive float")
