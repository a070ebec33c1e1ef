"""The configuration of one training run.

Make ExperimentConfig a dataclass that is:
  - frozen: assigning to a field after creation raises FrozenInstanceError;
  - slotted: instances have no __dict__;
  - safe with tags: every instance gets its own list;
  - validated: a learning rate that is not positive raises ValueError.
"""

from dataclasses import dataclass


@dataclass
class ExperimentConfig:
    name: str
    lr: float = 0.001
    epochs: int = 10
    tags: list = None  # TODO: every config needs its own list


if __name__ == "__main__":
    cfg = ExperimentConfig("resnet-small")
    print(cfg)
