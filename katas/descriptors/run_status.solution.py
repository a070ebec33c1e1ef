class Run:
    def __init__(self, name, epochs):
        self.name = name
        self.epochs = epochs
        self.losses = []

    def log(self, loss):
        self.losses.append(loss)

    @property
    def status(self):
        if not self.losses:
            return "pending"
        if len(self.losses) >= self.epochs:
            return "finished"
        return "running"

    def describe(self):
        return f"{self.name}: {self.status} after {len(self.losses)}/{self.epochs} epochs"


if __name__ == "__main__":
    run = Run("baseline", epochs=3)
    run.log(0.9)
    try:
        run.status = "finished"
    except AttributeError as exc:
        print("refused:", exc)
    print(run.describe())
