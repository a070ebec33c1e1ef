# Keyword-only name with a None default and an explicit TypeError; the
# registry is reached through cls, which finds Exporter's dict by inheritance.
import json


class Exporter:
    registry = {}

    @classmethod
    def __init_subclass__(cls, *, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if name is None:
            raise TypeError(f"{cls.__name__} needs a name: class {cls.__name__}(Exporter, name=...)")
        if name in cls.registry:
            raise ValueError(f"duplicate exporter name: {name}")
        cls.registry[name] = cls
        cls.format_name = name

    def export(self, metrics):
        raise NotImplementedError


class CsvExporter(Exporter, name="csv"):
    def export(self, metrics):
        rows = ["key,value"]
        rows.extend(f"{key},{value}" for key, value in metrics.items())
        return "\n".join(rows)


class JsonExporter(Exporter, name="json"):
    def export(self, metrics):
        return json.dumps(metrics)


def exporter_for(name):
    return Exporter.registry[name]()
