# status is kept up to date in a plain instance attribute: readable without
# parentheses, but anyone can still overwrite it.


class Run:
    def __init__(self, name, epochs):
        self.name = name
        self.epochs = epochs
        self.losses = []
        self.status = "pending"

    def log(self, loss):
        self.losses.append(loss)
        self.status = "finished" if len(self.losses) >= self.epochs else "running"

    def describe(self):
        return f"{self.name}: {self.status} after {len(self.losses)}/{self.epochs} epochs"
