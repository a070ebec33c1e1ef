"""A wrong answer: a generator, but it reads every line into a list first."""


def metric_values(lines, metric):
    all_lines = list(lines)
    for number, line in enumerate(all_lines, start=1):
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
        if fields[1] == metric:
            yield step, value
