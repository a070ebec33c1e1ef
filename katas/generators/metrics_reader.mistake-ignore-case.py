"""Mistake: metric names compared without case, so "Loss" lines count as "loss"."""
def metric_values(lines, metric):
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = [f.strip() for f in text.split(",")]
        try:
            if len(fields) != 3:
                raise ValueError("fields")
            step, name, value = int(fields[0]), fields[1], float(fields[2])
        except ValueError as error:
            raise ValueError(f"line {number}: {error}") from None
        if name.lower() == metric.lower():
            yield step, value
