from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExperimentConfig:
    name: str
    lr: float = 0.001
    epochs: int = 10
    tags: list = field(default_factory=list)

    def __post_init__(self):
        if self.lr <= 0:
            raise ValueError("lr must be positive")
