"""A wrong answer: a comment is only recognised when # is the very first character."""


def metric_values(lines, metric):
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split(",")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected step,metric,value")
        try:
            step, value = int(fields[0]), float(fields[2])
        except ValueError:
            raise ValueError(f"line {number}: bad step or value") from None
        if fields[1] == metric:
            yield step, value
