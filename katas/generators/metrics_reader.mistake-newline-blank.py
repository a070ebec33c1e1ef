"""A wrong answer: only an empty string counts as blank; a file's blank line is "\n"."""


def metric_values(lines, metric):
    for number, line in enumerate(lines, start=1):
        if line == "" or line.startswith("#"):
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
