"""The configuration of one training run."""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ExperimentConfig:
    name: str
    lr: float = 0.001
    epochs: int = 10
    tags: list[str] = field(default_factory=list)

    def __post_init__(self):
        if self.lr <= 0:
            raise ValueError(f"lr must be positive, got {self.lr!r}")


if __name__ == "__main__":
    cfg = ExperimentConfig("resnet-small", tags=["baseline"])
    print(cfg)
