# Registers correctly but never calls super().__init_subclass__(), so other
# base classes' __init_subclass__ hooks are skipped.
import json


class Exporter:
    registry = {}

    def __init_subclass__(cls, name):
        if name in Exporter.registry:
            raise ValueError(f"exporter name {name!r} is already used")
        Exporter.registry[name] = cls

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
