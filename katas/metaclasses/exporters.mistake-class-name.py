# Accepts the name keyword but registers under a name derived from the class.
import json


class Exporter:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = cls.__name__.lower().removesuffix("exporter")
        if key in Exporter.registry:
            raise ValueError(f"exporter name {key!r} is already used")
        Exporter.registry[key] = cls

    def export(self, metrics):
        raise NotImplementedError


class CsvExporter(Exporter, name="csv"):
    def export(self, metrics):
        return "\n".join(["key,value"] + [f"{k},{v}" for k, v in metrics.items()])


class JsonExporter(Exporter, name="json"):
    def export(self, metrics):
        return json.dumps(metrics)


def exporter_for(name):
    return Exporter.registry[name]()
