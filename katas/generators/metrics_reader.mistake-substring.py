"""A wrong answer: the metric is looked for inside the line, so val_loss matches loss."""


def metric_values(lines, metric):
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = [field.strip() for field in text.split(",")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected step,metric,value")
        try:
            step, value = int(fields[0]), float(fields[2])
        except ValueError:
            raise ValueError(f"line {number}: bad step or value") from None
        if metric in fields[1]:
            yield step, value
