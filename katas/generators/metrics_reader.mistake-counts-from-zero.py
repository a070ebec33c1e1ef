"""A wrong answer: the lines are counted from 0, so the error names the line before."""


def metric_values(lines, metric):
    for number, line in enumerate(lines):
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
